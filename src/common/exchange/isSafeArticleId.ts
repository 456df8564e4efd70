/**
 * Whether an article id read from an import file is a plain project-relative path: not empty,
 * no control characters, not absolute (`/x`, `\x`, `C:`), no URL scheme, no backslashes, and no
 * `..`, `.` or empty segments. Anything else tries to name a file outside the project.
 */
export function isSafeArticleId(id: string): boolean {
  if (id.length === 0 || id.length > 4096) return false;
  if (/[\u0000-\u001f\u007f]/.test(id)) return false;
  if (id.startsWith('/') || id.includes('\\') || /^[A-Za-z]:/.test(id) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(id)) return false;
  return id.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
