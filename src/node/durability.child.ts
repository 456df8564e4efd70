// Child process of durability.kill.test.ts: serves one project over the HTTP bridge exactly as
// `gloss serve` does and prints {port, token} once it listens. The test kills it with SIGKILL.
import { GlossService } from './glossService';
import { SettingsStore } from './settingsStore';
import { startHttpBridge } from './httpBridge';

const [project, rendererDir, configDir] = process.argv.slice(2);
const api = new GlossService({ settings: new SettingsStore(configDir), transport: 'http', fixedProject: project });
await api.openProject(project);
const bridge = await startHttpBridge({ api, rendererDir });
process.stdout.write(JSON.stringify({ port: bridge.port, token: bridge.token }) + '\n');
