import { API_METHODS } from '../../common/apiMethods';
import { EXPORT_DOWNLOAD_PATH, EXPORT_HEADERS } from '../../common/exportDownload';
import type { ExportRequest, ExportSaved, GlossApi } from '../../common/api';

/** The API as the renderer sees it, plus which transport carries it. */
export type GlossClient = GlossApi & {
  transport: 'electron' | 'http';
  onMenuCommand(listener: (command: string) => void): () => void;
  /**
   * Browser mode: the export as a Blob (Chromium keeps a large one out of the JS heap, on disk if
   * need be), streamed from the server, with its name and warnings. The desktop app saves
   * through `exportToFile` instead.
   */
  downloadExport(request: ExportRequest): Promise<{ blob: Blob; saved: ExportSaved; warningCount: number }>;
};

/** An API failure as the UI shows it: the message, and the file and line where known. */
export class ClientError extends Error {
  constructor(readonly code: string, message: string, readonly file?: string, readonly line?: number) {
    super(message);
  }
}

interface ErrorPayload {
  code?: string;
  message?: string;
  file?: string;
  line?: number;
}

declare global {
  interface Window {
    gloss?: Record<string, (...args: unknown[]) => unknown>;
  }
}

/** Picks Electron IPC when the preload exposed window.gloss, HTTP (browser mode) otherwise. */
export function createClient(): GlossClient {
  const bridge = window.gloss;
  if (bridge) {
    const client: Record<string, unknown> = { transport: 'electron' };
    for (const method of API_METHODS) {
      client[method] = async (...args: unknown[]) => {
        try {
          return await bridge[method](...args);
        } catch (error) {
          throw fromIpcError(error as Error);
        }
      };
    }
    client.onMenuCommand = (listener: (command: string) => void) => bridge.onMenuCommand(listener) as () => void;
    client.downloadExport = () => Promise.reject(new ClientError('UNSUPPORTED', 'The desktop app saves exports through a save dialog'));
    return client as unknown as GlossClient;
  }
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const client: Record<string, unknown> = { transport: 'http', onMenuCommand: () => () => undefined };
  client.downloadExport = async (request: ExportRequest) => {
    const response = await fetch(EXPORT_DOWNLOAD_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
      body: JSON.stringify({ args: [request] }),
    });
    if (!response.ok) {
      const text = await response.text();
      let error: ErrorPayload | undefined;
      try {
        error = (JSON.parse(text) as { error?: ErrorPayload }).error;
      } catch {
        // not JSON: reported below with the status
      }
      throw new ClientError(error?.code ?? 'HTTP', error?.message ?? `Export failed: ${response.status} ${text.slice(0, 200)}`);
    }
    const filename = decodeURIComponent(response.headers.get(EXPORT_HEADERS.filename) ?? 'export.jsonl');
    const count = Number(response.headers.get(EXPORT_HEADERS.warningCount) ?? '0');
    let warnings: string[] = [];
    try {
      warnings = JSON.parse(decodeURIComponent(response.headers.get(EXPORT_HEADERS.warnings) ?? '%5B%5D')) as string[];
    } catch {
      warnings = [];
    }
    const blob = await response.blob();
    return { blob, saved: { file: filename, filename, bytes: blob.size, warnings }, warningCount: Math.max(count, warnings.length) };
  };
  for (const method of API_METHODS) {
    client[method] = async (...args: unknown[]) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
        body: JSON.stringify({ args }),
      });
      const text = await response.text();
      let body: { result?: unknown; error?: ErrorPayload };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new ClientError('HTTP', `${method} failed: ${response.status} ${text.slice(0, 200)}`);
      }
      if (body.error) throw new ClientError(body.error.code ?? 'ERROR', body.error.message ?? 'Unknown error', body.error.file, body.error.line);
      return body.result;
    };
  }
  return client as unknown as GlossClient;
}

function fromIpcError(error: Error): ClientError {
  // Electron wraps the message: "Error invoking remote method 'gloss:x': Error: {json}".
  const json = /\{.*\}$/s.exec(error.message)?.[0];
  if (json) {
    try {
      const e = JSON.parse(json) as ErrorPayload;
      return new ClientError(e.code ?? 'ERROR', e.message ?? error.message, e.file, e.line);
    } catch {
      // fall through
    }
  }
  return new ClientError('ERROR', error.message);
}
