import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { ApiError } from '../common/apiError';
import { CliError, usage } from './cliError';
import { GLOSS_VERSION } from '../node/version';
import { COMMAND_SUMMARIES, loadCommand } from './commands';

const HELP = `gloss ${GLOSS_VERSION}: annotate news articles, offline.

Usage: gloss <command> [options]

Commands:
${Object.entries(COMMAND_SUMMARIES).map(([name, summary]) => `  ${name.padEnd(10)} ${summary}`).join('\n')}

Run gloss <command> --help for a command's options.
Offsets printed or exported are Unicode code points unless --offsets utf16 is given.`;

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(GLOSS_VERSION + '\n');
    return 0;
  }
  try {
    const command = Object.prototype.hasOwnProperty.call(COMMAND_SUMMARIES, name) ? await loadCommand(name) : undefined;
    if (!command) throw usage(`Unknown command "${name}". Commands: ${Object.keys(COMMAND_SUMMARIES).join(', ')}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(command.help + '\n');
      return 0;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options as ParseArgsConfig['options'], allowPositionals: true, strict: true });
    } catch (error) {
      throw usage(`gloss ${name}: ${(error as Error).message}`);
    }
    return (await command.run(parsed.values as Record<string, string | boolean | string[] | undefined>, parsed.positionals)) ?? 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`gloss: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ApiError) {
      process.stderr.write(`gloss: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`gloss: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
