#!/usr/bin/env node
// `npm test`: typecheck, lint, both builds, then every vitest project (unit + e2e in real browsers), and a
// closing line `N passed, N failed` that CI reads (vitest's own summary is not understood there).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['build chrome', 'npx', ['wxt', 'build']],
  ['build firefox', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']],
];
const only = process.argv.slice(2); // e.g. `npm test -- src/rules` narrows vitest; checks still run.

let checksFailed = 0;
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const ok = r.status === 0;
  console.log(`[haven test] ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) checksFailed++;
  if (!ok && name.startsWith('build')) break; // the e2e tests need both builds
}

const report = '.cache/vitest-report.json';
rmSync(report, { force: true });
let passed = 0;
let failed = checksFailed;
{
  // Unit tests run even when a check failed, so one run shows every problem; e2e tests fail loudly without a build.
  const r = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...only], {
    stdio: 'inherit',
  });
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests + json.numPendingTests + json.numTodoTests;
    // A file that failed to load (syntax error, failing beforeAll) counts as a failure too.
    failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  } catch {
    console.error('[haven test] vitest wrote no report: counting the run as failed.');
    failed += 1;
  }
  if (r.status !== 0 && failed === 0) failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
