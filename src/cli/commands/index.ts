import type { Command } from '../command';

/** Every `gloss` command with its one-line summary; a command's code loads only when it runs. */
export const COMMAND_SUMMARIES: Record<string, string> = {
  init: 'create a project folder (gloss.json with the default label schema, articles/)',
  add: 'add articles from .txt .md .html .jsonl files or folders',
  import: 'import spans into a layer from native, doccano, Prodigy or Label Studio JSONL',
  export: 'export annotations for ML pipelines (native, doccano, prodigy, hf, label-studio, w3c, clean-text)',
  stats: 'counts per layer: articles by status, spans by label',
  validate: 'check a project: manifest, articles, every annotation file; exit 1 on any problem',
  agreement: 'inter-annotator agreement between layers (span F1, kappa, alpha_u, attribution)',
  suggest: 'run the suggestion engines: print their suggestions, or write them into a layer (--into)',
  serve: 'browser mode: serve Gloss for one project on 127.0.0.1 and print the URL to open',
};

/** Loads a command's module; unknown names give undefined. Lazy so `gloss --version` starts fast. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'init': return (await import('./init')).init;
    case 'add': return (await import('./add')).add;
    case 'import': return (await import('./import')).importCommand;
    case 'export': return (await import('./export')).exportCommand;
    case 'stats': return (await import('./stats')).stats;
    case 'validate': return (await import('./validate')).validate;
    case 'agreement': return (await import('./agreement')).agreement;
    case 'suggest': return (await import('./suggest')).suggest;
    case 'serve': return (await import('./serve')).serve;
    default: return undefined;
  }
}
