// `npm run test:e2e`: checks for Chromium and the built app, then runs every tests/e2e/*.test.mjs with
// Node's test runner, one file at a time (each file starts its own server and browser).
//
//   npm run test:e2e                      all files
//   npm run test:e2e -- smoke             only files whose name contains "smoke"
//   npm run test:e2e -- path/to/x.test.mjs   exactly these files
//   POWERMAP_DIST=some/dir npm run test:e2e  serve another build instead of dist/
//   POWERMAP_E2E_CPU_SLOWDOWN=3 npm run test:e2e  pages on a CPU 3x slower (finds tests that lean on speed)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CHROMIUM_MISSING, DIST_MISSING, distDir, findChromium, repoRoot, resultsDir } from './harness.mjs';

let chromiumPath;
try {
  chromiumPath = findChromium();
} catch {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(DIST_MISSING);
  process.exit(1);
}

const e2eDir = join(repoRoot, 'tests', 'e2e');
const args = process.argv.slice(2);
const explicit = args.filter((arg) => arg.endsWith('.mjs') && existsSync(arg)).map((arg) => resolve(arg));
const filters = args.filter((arg) => !(arg.endsWith('.mjs') && existsSync(arg)));
const files = explicit.length
  ? explicit
  : readdirSync(e2eDir)
      .filter((name) => name.endsWith('.test.mjs'))
      .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
      .sort()
      .map((name) => join(e2eDir, name));

if (files.length === 0) {
  console.error(`No end-to-end test files matched ${args.join(' ') || 'tests/e2e/*.test.mjs'}.`);
  process.exit(1);
}

const shownDist = distDir.startsWith(repoRoot) ? relative(repoRoot, distDir) : distDir;
console.log(`e2e: ${files.length} file(s), Chromium ${chromiumPath}, app ${shownDist}\n`);

// The spec reporter for people on stdout; TAP into test-results/e2e.tap for the summary below.
mkdirSync(resultsDir, { recursive: true });
const tapFile = join(resultsDir, 'e2e.tap');
rmSync(tapFile, { force: true });
const result = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files.map((file) => relative(repoRoot, file)),
  ],
  { cwd: repoRoot, stdio: 'inherit' },
);
if (result.error) {
  console.error(`Could not start the test runner: ${result.error.message}`);
  process.exit(1);
}

// End with node's own summary lines (# tests N, # pass N, # fail N, ...), as the TAP reporter wrote them.
const summary = existsSync(tapFile)
  ? readFileSync(tapFile, 'utf8')
      .split('\n')
      .filter((line) => /^# (tests|suites|pass|fail|cancelled|skipped|todo) \d+$/.test(line))
  : [];
const status = result.status ?? 1;
console.log(`\n${summary.join('\n') || '# no summary (the test runner did not finish)'}\n# exit ${status}`);
process.exit(status);
