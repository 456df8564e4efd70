import { Writable } from 'node:stream';
import type { ProjectStore } from './projectStore';
import { exportProjectToStream } from './exportProject';
import type { ExportStreamResult, ProjectExportRequest } from './exportProject';

/** Test code only: an export streamed into memory, with what the stream reported. */
export async function exportToString(store: ProjectStore, request: ProjectExportRequest): Promise<ExportStreamResult & { content: string }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const result = await exportProjectToStream(store, request, sink);
  return { ...result, content: Buffer.concat(chunks).toString('utf8') };
}
