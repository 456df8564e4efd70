import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel } from '../common/api';
import type { GlossApi } from '../common/api';
import { isAppPage, registerIpc } from './registerIpc';
import type { IpcEventLike, IpcMainLike } from './registerIpc';

const INDEX_URL = 'file:///opt/Gloss/resources/app.asar/out/renderer/index.html';
const DEV_URL = 'http://localhost:5173/';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

/** Collects handlers the way ipcMain.handle does, and refuses a second handler on one channel. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  invoke(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return Promise.resolve().then(() => listener({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args));
  }
}

type Spy = ReturnType<typeof vi.fn<(...args: unknown[]) => Promise<unknown>>>;

/** A GlossApi whose every method is a spy resolving to `<method> result`. */
function fakeApi(): Record<keyof GlossApi, Spy> {
  return Object.fromEntries(API_METHODS.map((m) => [m, vi.fn(async () => `${m} result`)])) as Record<keyof GlossApi, Spy>;
}

function setup() {
  const ipc = new FakeIpcMain();
  const api = fakeApi();
  registerIpc(ipc, api as unknown as GlossApi, (url) => isAppPage(url, INDEX_URL, DEV_URL));
  return { ipc, api };
}

/** The {code, message} that registerIpc encodes into a rejected call's message. */
async function ipcError(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(() => null, (e: Error) => e);
  expect(error).toBeInstanceOf(Error);
  return JSON.parse(error!.message);
}

describe('registerIpc', () => {
  it('registers one gloss:<method> handler for every API method and nothing else', () => {
    const { ipc } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => ipcChannel(m)).sort());
    expect(ipc.handlers.size).toBe(API_METHODS.length);
  });

  it('passes a good call from the app page to the api, with parsed arguments', async () => {
    const { ipc, api } = setup();
    await expect(ipc.invoke('gloss:getArticle', INDEX_URL, 'articles/a.txt')).resolves.toBe('getArticle result');
    expect(api.getArticle).toHaveBeenCalledWith('articles/a.txt');
    await expect(ipc.invoke('gloss:getLayer', DEV_URL + 'index.html', 'articles/a.txt', 'alice')).resolves.toBe('getLayer result');
    expect(api.getLayer).toHaveBeenCalledWith('articles/a.txt', 'alice');
  });

  it.each(['https://evil.example/', 'http://localhost:5174/', 'file:///tmp/evil/index.html', 'file://evil.example/opt/Gloss/resources/app.asar/out/renderer/index.html', 'about:blank', '', null])(
    'refuses a call from the foreign sender %j without reaching the api',
    async (sender) => {
      const { ipc, api } = setup();
      const error = await ipcError(ipc.invoke('gloss:getArticle', sender, 'articles/a.txt'));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toMatch(/untrusted sender/);
      expect(api.getArticle).not.toHaveBeenCalled();
    },
  );

  it('refuses bad arguments with a message naming the method, without reaching the api', async () => {
    const { ipc, api } = setup();
    for (const args of [[], ['articles/../../etc/passwd'], [42], ['articles/a.txt', 'extra']]) {
      const error = await ipcError(ipc.invoke('gloss:getArticle', INDEX_URL, ...args));
      expect(error.code).toBe('BAD_ARGUMENTS');
      expect(error.message).toMatch(/^Bad arguments for getArticle: /);
    }
    const layer = await ipcError(ipc.invoke('gloss:saveLayer', INDEX_URL, 'articles/a.txt', 'alice', { spans: 'no' }));
    expect(layer.code).toBe('BAD_ARGUMENTS');
    expect(api.getArticle).not.toHaveBeenCalled();
    expect(api.saveLayer).not.toHaveBeenCalled();
  });

  it('carries the code of a failing api call across, and keeps plain errors as ERROR', async () => {
    const { ipc, api } = setup();
    const { ApiError } = await import('../common/api');
    api.getArticle.mockRejectedValueOnce(new ApiError('ARTICLE_GONE', 'articles/a.txt no longer exists', 'articles/a.txt'));
    expect(await ipcError(ipc.invoke('gloss:getArticle', INDEX_URL, 'articles/a.txt'))).toMatchObject({ code: 'ARTICLE_GONE', file: 'articles/a.txt' });
    api.getArticle.mockRejectedValueOnce(new Error('disk on fire'));
    expect(await ipcError(ipc.invoke('gloss:getArticle', INDEX_URL, 'articles/a.txt'))).toEqual({ code: 'ERROR', message: 'disk on fire' });
  });
});

describe('isAppPage', () => {
  it('accepts the packaged renderer file, with or without query and hash', () => {
    expect(isAppPage(INDEX_URL, INDEX_URL)).toBe(true);
    expect(isAppPage(INDEX_URL + '?a=1#/article', INDEX_URL)).toBe(true);
  });

  it('accepts any page of the dev server origin when one is given', () => {
    expect(isAppPage('http://localhost:5173/', INDEX_URL, DEV_URL)).toBe(true);
    expect(isAppPage('http://localhost:5173/src/index.html?x', INDEX_URL, DEV_URL)).toBe(true);
  });

  it.each([
    ['https://evil.example/', DEV_URL],
    ['http://localhost:5173/', undefined],
    ['http://localhost:5174/', DEV_URL],
    ['https://localhost:5173/', DEV_URL],
    ['http://127.0.0.1:5173/', DEV_URL],
    ['file:///opt/Gloss/resources/app.asar/out/renderer/other.html', DEV_URL],
    ['file:///etc/passwd', DEV_URL],
    ['file://evil.example/opt/Gloss/resources/app.asar/out/renderer/index.html', DEV_URL],
    ['not a url', DEV_URL],
    ['', DEV_URL],
    ['data:text/html,<script>alert(1)</script>', DEV_URL],
  ])('rejects %j (dev server %j)', (url, dev) => {
    expect(isAppPage(url, INDEX_URL, dev)).toBe(false);
  });
});
