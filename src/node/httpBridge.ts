import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { resolve, sep, extname } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError, API_METHODS, validateArgs } from '../common/api';
import { EXPORT_DOWNLOAD_PATH, EXPORT_HEADERS } from '../common/exportDownload';
import type { ExportRequest, GlossApi } from '../common/api';
import type { ExportDownload } from './glossService';
import { CONTENT_SECURITY_POLICY } from '../common/contentSecurityPolicy';

export interface HttpBridgeOptions {
  /** The API; with `exportForDownload`, exports download from EXPORT_DOWNLOAD_PATH. */
  api: GlossApi & { exportForDownload?(request: ExportRequest): Promise<ExportDownload> };
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface HttpBridge {
  server: Server;
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const MAX_BODY = 64 * 1024 * 1024;
/** How many of an export's warnings a download's headers carry (the count carries them all). */
const DOWNLOAD_WARNINGS = 50;
export const TOKEN_HEADER = 'x-gloss-token';
const COOKIE = 'gloss_token';

/**
 * Browser mode: serves the built renderer and the API contract on 127.0.0.1 only. Every request
 * needs the random token (query on the first page load, then a same-site cookie for assets and
 * a header for API calls) and a loopback Host; a foreign Origin is refused. Anything else: 403.
 */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererRoot = resolve(options.rendererDir);
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { error: { code: 'INTERNAL', message: (error as Error).message } });
    });
  });

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(req.headers.host ?? '')) return deny(res, 'foreign Host header');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return deny(res, 'foreign Origin');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return deny(res, 'API calls must be POST', 405);
      if (!sameToken(header(req, TOKEN_HEADER), token)) return deny(res, 'missing or wrong token');
      return callApi(url.pathname.slice(5), req, res);
    }
    if (url.pathname === EXPORT_DOWNLOAD_PATH) {
      if (req.method !== 'POST') return deny(res, 'downloads must be POST', 405);
      if (!sameToken(header(req, TOKEN_HEADER), token)) return deny(res, 'missing or wrong token');
      return downloadExport(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 'method not allowed', 405);
    const queryToken = url.searchParams.get('token');
    const cookieToken = cookie(req, COOKIE);
    if (!sameToken(queryToken, token) && !sameToken(cookieToken, token)) return deny(res, 'missing or wrong token');
    let path: string;
    try {
      path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    } catch {
      return deny(res, 'malformed path', 400);
    }
    const file = resolve(rendererRoot, '.' + path);
    if (file !== rendererRoot && !file.startsWith(rendererRoot + sep)) return deny(res, 'path outside the app');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    if (extname(file) === '.html') {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      headers['X-Frame-Options'] = 'DENY';
      headers['Cache-Control'] = 'no-store';
      headers['Set-Cookie'] = `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** The `args` of a request body `{"args": [...]}`; undefined once an error response is sent. */
  async function readArgs(req: IncomingMessage, res: ServerResponse): Promise<{ args: unknown } | undefined> {
    let raw = '';
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        send(res, 413, { error: { code: 'TOO_LARGE', message: 'Request body too large' } });
        return undefined;
      }
      raw += chunk;
    }
    try {
      return { args: raw === '' ? [] : (JSON.parse(raw) as { args?: unknown }).args };
    } catch {
      send(res, 400, { error: { code: 'BAD_JSON', message: 'Request body is not JSON' } });
      return undefined;
    }
  }

  /** Streams an export written complete to a temp file, its name and warnings in the headers. */
  async function downloadExport(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readArgs(req, res);
    if (!body) return;
    let download: ExportDownload;
    try {
      const [request] = validateArgs('exportToFile', body.args) as [ExportRequest];
      if (!options.api.exportForDownload) throw new ApiError('UNSUPPORTED', 'This server offers no export downloads');
      download = await options.api.exportForDownload(request);
    } catch (error) {
      return send(res, error instanceof ApiError ? 400 : 500, { error: error instanceof ApiError ? error.toJSON() : { code: 'ERROR', message: (error as Error).message } });
    }
    try {
      const { filename, bytes, warnings } = download.saved;
      res.writeHead(200, {
        'Content-Type': filename.endsWith('.json') ? 'application/json' : 'application/x-ndjson',
        'Content-Length': String(bytes),
        'Content-Disposition': `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        [EXPORT_HEADERS.filename]: encodeURIComponent(filename),
        [EXPORT_HEADERS.warningCount]: String(warnings.length),
        [EXPORT_HEADERS.warnings]: encodeURIComponent(JSON.stringify(warnings.slice(0, DOWNLOAD_WARNINGS).map((w) => w.slice(0, 300)))),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      await pipeline(createReadStream(download.path), res);
    } catch {
      // The client went away or the temp file could not be read: the response is cut short, which
      // the browser reports as a failed download (its length is known).
      res.destroy();
    } finally {
      await download.dispose();
    }
  }

  async function callApi(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(API_METHODS as readonly string[]).includes(method)) return send(res, 404, { error: { code: 'BAD_METHOD', message: `Unknown method "${method}"` } });
    const body = await readArgs(req, res);
    if (!body) return;
    const { args } = body;
    try {
      const valid = validateArgs(method, args);
      const fn = options.api[method as keyof GlossApi] as (...a: unknown[]) => Promise<unknown>;
      const result = await fn.apply(options.api, valid);
      send(res, 200, { result: result ?? null });
    } catch (error) {
      const status = error instanceof ApiError && (error.code === 'BAD_ARGUMENTS' || error.code === 'BAD_METHOD') ? 400 : 200;
      send(res, status, { error: error instanceof ApiError ? error.toJSON() : { code: 'ERROR', message: (error as Error).message } });
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as { port: number }).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

function deny(res: ServerResponse, why: string, status = 403): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Forbidden: ${why}`);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

