import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from '../command';
import { str } from '../command';
import { CliError, usage } from '../cliError';
import { ProjectStore } from '../../node/projectStore';
import { GlossService } from '../../node/glossService';
import { SettingsStore, defaultConfigDir } from '../../node/settingsStore';
import { startHttpBridge } from '../../node/httpBridge';
import { rendererDir, sampleProjectDir } from '../../node/appPaths';

export const serve: Command = {
  help: `Usage: gloss serve <dir> [--port N]

Serves the Gloss app and its API for the project <dir> on 127.0.0.1 only (never on the network),
protected by a random token that is part of the printed URL. Open that URL in a browser.
Needs the built app: run npm run build once.`,
  options: { port: { type: 'string' } },
  async run(values, [dir, ...extra]) {
    if (!dir || extra.length) throw usage('gloss serve takes exactly one project folder');
    const portText = str(values, 'port');
    const port = portText === undefined ? 0 : Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage(`--port must be a number from 0 to 65535, not "${portText}"`);
    const root = rendererDir();
    if (!existsSync(join(root, 'index.html'))) throw new CliError(`The app is not built yet (${root} is missing). Run: npm run build`);
    const project = resolve(dir);
    await ProjectStore.open(project);
    const api = new GlossService({ settings: new SettingsStore(defaultConfigDir()), transport: 'http', fixedProject: project, sampleProject: sampleProjectDir() });
    const bridge = await startHttpBridge({ api, rendererDir: root, port });
    process.stdout.write(`Gloss is serving ${project}\nOpen: ${bridge.url}\n(Ctrl+C to stop)\n`);
    await new Promise<void>((done) => {
      const stop = () => { void bridge.close().then(() => { api.close(); done(); }); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
