/** Parsed option values of one CLI command. */
export type Values = Record<string, string | boolean | string[] | undefined>;

/** One `gloss <name>` command. */
export interface Command {

  help: string;
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  run(values: Values, positionals: string[]): Promise<number | void>;
}

/** A string option's value, or undefined. */
export function str(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A comma-separated list option, or undefined. */
export function list(values: Values, name: string): string[] | undefined {
  const v = str(values, name);
  return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
}
