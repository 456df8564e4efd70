import type { Command } from '../command';
import { str } from '../command';
import { usage } from '../cliError';
import { ProjectStore } from '../../node/projectStore';

export const init: Command = {
  help: `Usage: gloss init <dir> [--name NAME]

Creates <dir>/gloss.json with the default schema (CLAIM, QUOTE, SPEAKER, BOILERPLATE and
ATTRIBUTED_TO from QUOTE to SPEAKER) and an empty articles/ folder. Refuses an existing project.`,
  options: { name: { type: 'string' } },
  async run(values, [dir, ...extra]) {
    if (!dir || extra.length) throw usage('gloss init takes exactly one folder');
    const store = await ProjectStore.init(dir, str(values, 'name'));
    process.stdout.write(`Created Gloss project "${store.name}" in ${store.root}\n`);
  },
};
