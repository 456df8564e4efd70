import { readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { ApiError } from '../common/api';

/** The file of a project that holds its annotation guidelines (Markdown, shown as plain text). */
export const GUIDELINES_FILE = 'guidelines.md';
const MAX_BYTES = 1024 * 1024;

/**
 * A project's guidelines.md as text (UTF-8, byte-order mark dropped), or null when there is none.
 * A guidelines.md that is a symbolic link out of the project is refused; one over 1 MB too.
 */
export async function readGuidelines(root: string): Promise<string | null> {
  const abs = join(root, GUIDELINES_FILE);
  const real = await realpath(abs).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new ApiError('UNREADABLE', `${GUIDELINES_FILE} cannot be read (${error.code})`, GUIDELINES_FILE);
  });
  if (real === null) return null;
  const realRoot = await realpath(root).catch(() => root);
  const rel = relative(realRoot, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new ApiError('OUTSIDE', `${GUIDELINES_FILE} points outside the project; Gloss ignores it`, GUIDELINES_FILE);
  const info = await stat(real);
  if (!info.isFile()) return null;
  if (info.size > MAX_BYTES) throw new ApiError('TOO_LARGE', `${GUIDELINES_FILE} is ${Math.round(info.size / 1024)} KB; Gloss shows guidelines up to 1 MB`, GUIDELINES_FILE);
  return (await readFile(real, 'utf8')).replace(/^\uFEFF/, '');
}
