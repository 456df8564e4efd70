// Runs electronegativity (the Electron security linter) on src/ and fails on any finding that is
// not in scripts/security/electronegativity-allowlist.json with a reason. electronegativity's
// TypeScript parser needs the TypeScript 5 API, which Gloss's own TypeScript 7 compiler does not
// ship, so its `require('typescript')` is pointed at the copy installed for it.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..', '..');
const ts5 = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'node_modules', 'typescript');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && fs.existsSync(ts5)) return resolve.call(this, ts5, parent, ...rest);
  return resolve.call(this, request, parent, ...rest);
};

if (process.argv[2] === '--run') {
  // Child mode: behave exactly like the electronegativity command.
  process.argv.splice(2, 1);
  require(path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'));
} else {
  // SARIF (one JSON document) rather than CSV: electronegativity writes CSV rows concurrently and
  // a row can come out torn.
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-eneg-')), 'report.sarif');
  const result = spawnSync(process.execPath, [__filename, '--run', '-i', path.join(root, 'src'), '-e', '45.4.1', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out], { encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch (error) {
    console.error(`electronegativity did not produce a readable report (${error.message}):\n${result.stdout}\n${result.stderr}`);
    process.exit(1);
  }
  const allow = JSON.parse(fs.readFileSync(path.join(__dirname, 'electronegativity-allowlist.json'), 'utf8'));
  const findings = report.runs.flatMap((run) => run.results ?? []).map((r) => {
    const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
    return { check: r.ruleId, file: path.relative(root, uri.replace(/^file:\/\//, '')) || uri };
  });
  const unexplained = findings.filter((f) => !allow.some((a) => a.check === f.check && (!a.file || f.file.endsWith(a.file)) && a.reason));
  console.log(`electronegativity: ${findings.length} finding(s), ${findings.length - unexplained.length} allowed with a reason`);
  for (const f of unexplained) console.log(`  not allowed: ${f.check} in ${f.file}`);
  process.exit(unexplained.length ? 1 : 0);
}
