// npm start: builds Gloss and opens the desktop app on the last project (the sample project on
// first start). Where the Electron binary is missing (it is downloaded on first use and that
// needs internet), it says so and starts browser mode on the same project instead.
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = join(root, 'projects', 'huawei-5g');

function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
run(process.execPath, [join(root, 'scripts', 'build-cli.mjs')]);

/** The Electron binary: already there, or downloaded now by electron's own loader (needs internet). */
function findElectron() {
  const present = electronBinary();
  if (present) return present;
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  return probe.status === 0 && existsSync(probe.stdout.trim()) ? probe.stdout.trim() : null;
}

const binary = findElectron();
if (binary && existsSync(binary)) {
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`
Gloss: the Electron binary is not installed, so the desktop window cannot open here.
(npm downloads it the first time Electron runs, which needs internet access; the desktop app
also wants Node.js 22.12 or newer.)

Starting browser mode instead, on the sample project. To run it yourself:
  npm run -s gloss -- serve projects/huawei-5g
`);
  const child = spawn(process.execPath, [join(root, 'bin', 'gloss.mjs'), 'serve', sample], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
