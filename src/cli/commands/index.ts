import type { Command } from '../command';
import { init } from './init';
import { add } from './add';
import { importCommand } from './import';
import { exportCommand } from './export';
import { stats } from './stats';
import { validate } from './validate';
import { serve } from './serve';
import { agreement } from './agreement';

/** Every `gloss` command by name. */
export const COMMANDS: Record<string, Command> = {
  init,
  add,
  import: importCommand,
  export: exportCommand,
  stats,
  validate,
  agreement,
  serve,
};
