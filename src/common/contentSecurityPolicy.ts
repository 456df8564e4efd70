/**
 * The Content-Security-Policy of every Gloss page, in Electron and in browser mode: scripts only
 * from the app itself (never inline), no plugins, no frames, no remote connections. Inline style
 * attributes stay allowed because span decorations are drawn with them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
