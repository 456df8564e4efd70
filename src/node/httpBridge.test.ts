import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { GlossService } from './glossService';
import { SettingsStore } from './settingsStore';
import { startHttpBridge, TOKEN_HEADER } from './httpBridge';
import type { HttpBridge } from './httpBridge';
import { CONTENT_SECURITY_POLICY } from '../common/contentSecurityPolicy';
import { EXPORT_DOWNLOAD_PATH, EXPORT_HEADERS } from '../common/exportDownload';
import { ProjectStore } from './projectStore';
import { emptyLayerDoc } from '../common/model';
import { exportToString } from './exportProject.testkit';

const SAMPLE = resolve(import.meta.dirname, '..', '..', 'projects', 'huawei-5g');
const SECRET = 'secret-next-to-the-renderer';
const ARTICLE = 'articles/000_d60caff024a14a5b.txt';

let tmp: string;
let project: string;
let bridge: HttpBridge;

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request, so that Host, Origin and unnormalised paths go out exactly as written. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, method, path, headers: { Host: `127.0.0.1:${bridge.port}`, ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

function call(method: string, args: unknown[], headers: Record<string, string> = {}): Promise<Reply> {
  return send('POST', `/api/${method}`, { [TOKEN_HEADER]: bridge.token, 'Content-Type': 'application/json', ...headers }, JSON.stringify({ args }));
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-bridge-'));
  project = join(tmp, 'huawei-5g');
  await cp(SAMPLE, project, { recursive: true });
  const renderer = join(tmp, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Gloss</title>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(tmp, 'secret.txt'), SECRET);
  const api = new GlossService({ settings: new SettingsStore(join(tmp, 'config')), transport: 'http', fixedProject: project });
  bridge = await startHttpBridge({ api, rendererDir: renderer });
});

afterAll(async () => {
  await bridge?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('HTTP bridge', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(bridge.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    const external = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
    if (external) {
      const reached = await new Promise<boolean>((ok) => {
        const socket = connect({ host: external.address, port: bridge.port }, () => { socket.destroy(); ok(true); });
        socket.on('error', () => ok(false));
      });
      expect(reached).toBe(false);
    }
  });

  it('serves the app with the token and sets the cookie and security headers', async () => {
    const reply = await send('GET', `/?token=${bridge.token}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Gloss</title>');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(String(reply.headers['set-cookie'])).toContain('HttpOnly');
    const asset = await send('GET', '/assets/app.js', { Cookie: `gloss_token=${bridge.token}` });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('refuses the app and the API without a token or with a wrong one', async () => {
    expect((await send('GET', '/')).status).toBe(403);
    expect((await send('GET', '/?token=wrong')).status).toBe(403);
    expect((await send('GET', '/assets/app.js', { Cookie: 'gloss_token=wrong' })).status).toBe(403);
    expect((await send('POST', '/api/getAppInfo', {}, '{"args":[]}')).status).toBe(403);
    expect((await call('getAppInfo', [], { [TOKEN_HEADER]: 'x'.repeat(bridge.token.length) })).status).toBe(403);
    expect((await call('getAppInfo', [], { [TOKEN_HEADER]: bridge.token + 'x' })).status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${bridge.port}`, '127.0.0.1', `127.0.0.2:${bridge.port}`]) {
      expect((await send('GET', `/?token=${bridge.token}`, { Host: host })).status).toBe(403);
      expect((await call('getAppInfo', [], { Host: host })).status).toBe(403);
    }
    expect((await call('getAppInfo', [], { Host: `localhost:${bridge.port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin even with the token', async () => {
    for (const origin of ['https://evil.example', 'http://evil.example', `http://127.0.0.1:${bridge.port + 1}`, `https://127.0.0.1:${bridge.port}`, 'null']) {
      const reply = await call('getAppInfo', [], { Origin: origin });
      expect(reply.status, origin).toBe(403);
    }
    expect((await call('getAppInfo', [], { Origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
  });

  it('never serves a file outside the app folder', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%252e%252e/secret.txt']) {
      const reply = await send('GET', `${path}?token=${bridge.token}`);
      expect([403, 404], path).toContain(reply.status);
      expect(reply.body, path).not.toContain(SECRET);
    }
  });

  it('answers a malformed path with 400, not a server error', async () => {
    expect((await send('GET', `/%E0%A4%A?token=${bridge.token}`)).status).toBe(400);
  });

  it('answers an API call with the token', async () => {
    const info = await call('getAppInfo', []);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body).result).toMatchObject({ transport: 'http', fixedProject: project });
    const opened = JSON.parse((await call('openProject', [project])).body).result;
    expect(opened.articles).toHaveLength(5);
    const article = JSON.parse((await call('getArticle', [opened.articles[0].id])).body).result;
    expect(article.text).toMatch(/^United States reportedly asks allies/);
  });

  it('gives 400 with a message for bad arguments', async () => {
    for (const [method, args, what] of [
      ['getArticle', ['articles/../gloss.json'], /inside the project/],
      ['getArticle', [42], /expected string/i],
      ['getLayer', ['articles/000_d60caff024a14a5b.txt', '../alice'], /getLayer: 1:/],
      ['setAnnotator', [], /setAnnotator/],
    ] as const) {
      const reply = await call(method, [...args]);
      expect(reply.status, method).toBe(400);
      const error = JSON.parse(reply.body).error;
      expect(error.code).toBe('BAD_ARGUMENTS');
      expect(error.message).toMatch(what);
    }
    const notJson = await send('POST', '/api/getAppInfo', { [TOKEN_HEADER]: bridge.token }, '{args');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe('BAD_JSON');
  });

  it('gives 404 for an unknown method and refuses other HTTP methods', async () => {
    for (const method of ['deleteEverything', 'constructor', '__proto__', 'toString']) {
      const reply = await call(method, []);
      expect(reply.status, method).toBe(404);
      expect(JSON.parse(reply.body).error.code).toBe('BAD_METHOD');
    }
    expect((await send('GET', '/api/getAppInfo', { [TOKEN_HEADER]: bridge.token })).status).toBe(405);
    expect((await send('DELETE', `/?token=${bridge.token}`)).status).toBe(405);
  });

  it('refuses to open another project than the one it serves', async () => {
    const reply = await call('openProject', [tmp]);
    expect(JSON.parse(reply.body).error.code).toBe('FORBIDDEN');
  });

  it('downloads an export as the file itself, its name and warnings in the headers, leaving no temp file', async () => {
    // A layer with overlapping spans, which the HF format cannot hold: each dropped one is a warning.
    const store = await ProjectStore.open(project);
    const article = await store.readArticle(ARTICLE);
    const span = (id: string, start: number, end: number) => ({ id, start, end, label: 'CLAIM', text: Array.from(article.text).slice(start, end).join(''), attrs: {}, origin: 'manual', createdAt: 't', updatedAt: 't' });
    await store.writeLayer(ARTICLE, 'overlaps', { ...emptyLayerDoc(ARTICLE, 'overlaps', article.sha256), spans: [span('a', 0, 20), span('b', 10, 30), span('c', 15, 25)] });
    await call('openProject', [project]);
    const tempsBefore = (await readdir(tmpdir())).filter((f) => f.startsWith('gloss-export-'));
    const request = { format: 'hf', layer: 'overlaps' };
    const reply = await send('POST', EXPORT_DOWNLOAD_PATH, { [TOKEN_HEADER]: bridge.token, 'Content-Type': 'application/json' }, JSON.stringify({ args: [request] }));
    expect(reply.status).toBe(200);
    const expected = await exportToString(await ProjectStore.open(project), request);
    expect(reply.body).toBe(expected.content);
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(expected.content)));
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="huawei-5g-overlaps-hf.jsonl"; filename*=UTF-8''huawei-5g-overlaps-hf.jsonl`);
    expect(decodeURIComponent(String(reply.headers[EXPORT_HEADERS.filename.toLowerCase()]))).toBe('huawei-5g-overlaps-hf.jsonl');
    expect(expected.warnings.length).toBeGreaterThanOrEqual(2);
    expect(reply.headers[EXPORT_HEADERS.warningCount.toLowerCase()]).toBe(String(expected.warnings.length));
    expect(JSON.parse(decodeURIComponent(String(reply.headers[EXPORT_HEADERS.warnings.toLowerCase()])))).toEqual(expected.warnings.slice(0, 50).map((w) => w.slice(0, 300)));
    expect((await readdir(tmpdir())).filter((f) => f.startsWith('gloss-export-'))).toEqual(tempsBefore);
  });

  it('answers a bad export request with 400 and the reason, and refuses one without the token or by GET', async () => {
    const bad = await send('POST', EXPORT_DOWNLOAD_PATH, { [TOKEN_HEADER]: bridge.token }, JSON.stringify({ args: [{ format: 'csv', layer: 'reference' }] }));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'BAD_FORMAT', message: expect.stringContaining('Unknown export format "csv"') });
    expect((await send('POST', EXPORT_DOWNLOAD_PATH, {}, JSON.stringify({ args: [{ format: 'native', layer: 'reference' }] }))).status).toBe(403);
    expect((await send('GET', `${EXPORT_DOWNLOAD_PATH}?token=${bridge.token}`)).status).toBe(405);
  });
});
