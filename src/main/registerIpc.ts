import { API_METHODS, ApiError, ipcChannel, validateArgs } from '../common/api';
import type { GlossApi } from '../common/api';

/** The part of Electron's ipcMain that registration needs (a fake stands in for it in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

/** The part of an IPC event that identifies who sent it. */
export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

/**
 * Registers every method of the contract as `gloss:<method>`. A call is refused unless it comes
 * from one of the app's own pages and its arguments match the method's schema; a refused or
 * failing call rejects with {code, message}, it never crashes the main process.
 */
export function registerIpc(ipcMain: IpcMainLike, api: GlossApi, isTrustedSender: (url: string) => boolean): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, ...args) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) throw toIpcError(new ApiError('FORBIDDEN', `Refused ${method} from untrusted sender ${url || '(unknown)'}`));
      try {
        const valid = validateArgs(method, args);
        const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
        return await fn.apply(api, valid);
      } catch (error) {
        throw toIpcError(error);
      }
    });
  }
}

/** Electron passes only an Error's message across IPC: encode the code and location in it. */
function toIpcError(error: unknown): Error {
  const e = error instanceof ApiError ? error : new ApiError('ERROR', (error as Error).message);
  return new Error(JSON.stringify(e.toJSON()));
}

/** Whether a frame URL is one of the app's own pages: the packaged file or the dev server. */
export function isAppPage(url: string, rendererIndexUrl: string, devServerUrl?: string): boolean {
  try {
    const u = new URL(url);
    if (devServerUrl && u.origin === new URL(devServerUrl).origin) return true;
    const own = new URL(rendererIndexUrl);
    // The host matters too: file://server/share/... is a remote (UNC) file on Windows.
    return u.protocol === 'file:' && u.host === own.host && u.pathname === own.pathname;
  } catch {
    return false;
  }
}
