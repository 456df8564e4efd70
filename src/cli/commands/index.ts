import type { Command } from '../command';
import { init } from './init';
import { add } from './add';
import { exportCommand } from './export';
import { validate } from './validate';
import { serve } from './serve';
import { agreement } from './agreement';

/** Every `gloss` command by name. */
export const COMMANDS: Record<string, Command> = {
  init,
  add,
  export: exportCommand,
  validate,
  agreement,
  serve,
};
