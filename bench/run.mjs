// `npm run bench`: builds the app (with the bench hooks) and a bare React Flow page, serves both on
// loopback, drives headless Chromium through the same generated maps of 100, 500 and 1,000
// stakeholders in each, and prints one table: Powermap, the bare page, and their ratio.
// See docs/benchmarks.md for what each row means and the goals. Progress goes to stderr, the
// table to stdout; the raw figures are written to bench/.out/results.json.
//
//   npm run bench                    all sizes (about 4 minutes on two cores)
//   npm run bench -- --sizes=100     only some sizes (comma-separated)
//   npm run bench -- --large         the default sizes and 5,000 people
//   npm run bench -- --sizes=20000   past 5,000: only the app's opening, one edit and a click to the inspector
//   npm run bench -- --skip=png      leave phases out (png, heap, dragOne, dragTwenty, panZoom, edit, inspect, team)
//   npm run bench -- --skip-build    reuse bench/.out from the last run
//   npm run bench -- --app-only      leave the bare React Flow page out (e.g. while working on the app at 5,000)
//   npm run bench -- --only=edit     only open the map and time one edit (quick; e.g. --sizes=1000,5000)
//   npm run bench -- --no-store      serve both pages uncacheable (every open compiles every script again)
//   npm run bench -- --save-traces   keep each gesture's Chrome trace in bench/.out/traces/ (open in DevTools)
//   npm run bench -- --only=import   only import a 50,000-row CRM CSV through the UI as a new map (--rows=N for
//                                    another size), then 20,000 rows into the open sample map (--into-rows=N, 0: skip)
//   npm run bench -- --only=team     only team maps through a relay process (bench/team.mjs; also run after the table;
//                                    --team-limit=S: the 10-client scale phase's limit, 540 s by default, failed if hit)
import { execSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, expectedCounts, generateMap } from './generate-map.mjs';
import { firstScreenBundle } from './lib/bundle.mjs';
import { median } from './lib/trace.mjs';
import { stopTracingLeftOver } from './lib/traced.mjs';
import { drawnProbe } from './lib/probes.mjs';
import { GESTURE_ZOOM, centreOn, clickToInspector, dragCard, panAndZoom, select, waitForSaved } from './lib/gestures.mjs';
import { editStored } from './lib/edit.mjs';
import { importTable, measureImport, measureImportInto } from './lib/import.mjs';
import { runTeamBench, teamTable } from './team.mjs';
import { goals, table } from './lib/report.mjs';
import { exportPng, failureReason, heapAfterGc, withTimeout } from './lib/page-tools.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(repoRoot, 'bench', '.out');
const appDir = join(outDir, 'app'); // bench build of the app, with the baseline page under /baseline/
const prodDir = join(outDir, 'prod'); // plain production build, for the bundle size

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }),
);
/** `--large` adds 5,000 people to the sizes (about twice as long as the rest together). */
const SIZES = [...(args.sizes ? String(args.sizes).split(',').map(Number) : [100, 500, 1000]), ...(args.large ? [5000] : [])];
const SEED = args.seed ? Number(args.seed) : DEFAULT_SEED;
/**
 * Opens per page, and the median taken. The first open of a page compiles its scripts afresh; with
 * three, the median was the slower of the two others, and one slow open moved the ratio at 100 people
 * between 1.63x and 2.04x for the same build (2026-12-03).
 */
const OPEN_RUNS = 5;
const VIEWPORT = { width: 1280, height: 800 };
const EDIT_RUNS = 5;
const ONLY_EDIT = args.only === 'edit';
/** `--app-only`: leave the bare React Flow page out (its figures do not change with the app's code). */
const APP_ONLY = Boolean(args['app-only']);
const ONLY_IMPORT = args.only === 'import';
const IMPORT_ROWS = args.rows ? Number(args.rows) : 50_000;
const INTO_ROWS = args['into-rows'] !== undefined ? Number(args['into-rows']) : 20_000;
const PNG_TIMEOUT_MS = 180_000;
/** Phases left out: `--skip=png,heap` (the bare page's html-to-image export alone takes minutes at 1,000). */
const SKIP = new Set(args.skip ? String(args.skip).split(',') : []);
/** Past this size only opening, one edit and a click to the inspector are measured, and only in the app. */
const HUGE = 5000;
const HUGE_PHASES = new Set(['open', 'edit', 'inspect']);
/** Longest any other phase of a measurement may take before it is recorded as failed. */
const PHASE_TIMEOUT_MS = 420_000;

const started = performance.now();
const log = (...parts) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...parts);

// ------------------------------------------------------------------ machine

function sh(command) {
  try {
    return execSync(command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const machine = {
  cores: sh('nproc'),
  memory: sh("free -h | awk '/^Mem:/ {print $2}'"),
  chromium: sh('chromium --version 2>/dev/null').split('\n').find((line) => /chrom/i.test(line)) ?? 'unknown',
  node: process.version,
};

// ------------------------------------------------------------------ builds

async function buildAll() {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  // The app with its own config, in mode "bench": src/main.tsx then loads src/app/bench-hooks.ts.
  await build({ root: repoRoot, configFile: join(repoRoot, 'vite.config.ts'), mode: 'bench', logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
  // The bare React Flow page, its own entry and bundle, served from the same origin at /baseline/.
  await build({
    root: join(repoRoot, 'bench', 'baseline'),
    base: '/baseline/',
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: join(appDir, 'baseline'), emptyOutDir: true, target: 'es2022' },
  });
  // The production build exactly as `vite build` makes it, for the first-screen size.
  await build({ root: repoRoot, configFile: join(repoRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: prodDir, emptyOutDir: true } });
}

// ------------------------------------------------------------------ page helpers

const VARIANTS = {
  app: {
    label: 'Powermap',
    pathPrefix: '/',
    url: (base, map) => `${base}#/map/${encodeURIComponent(map.id)}`,
  },
  baseline: {
    label: 'bare React Flow',
    pathPrefix: '/baseline/',
    url: (base, map, size) => `${base}baseline/index.html?size=${size}&seed=${SEED}`,
  },
};

async function flowInstance(page, variant) {
  return variant === 'app'
    ? page.waitForFunction(async () => Boolean(await window.__powermapBench?.canvas()), null, { polling: 50 })
    : page.waitForFunction(() => Boolean(window.__baselineBench), null, { polling: 50 });
}

/** Until this long after the map is drawn, a long task still counts as part of opening it. */
const OPEN_SETTLE_MS = 1500;

/**
 * Navigates to the map; returns ms from navigation start to every card and line in the DOM, and
 * the longest main-thread task from navigation start until OPEN_SETTLE_MS after that.
 */
async function openMap(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(() => window.__benchDrawn, null, { polling: 100, timeout: 120_000 });
  await page.waitForTimeout(OPEN_SETTLE_MS);
  return page.evaluate((settle) => {
    const until = window.__benchDrawn.at + settle;
    const tasks = (window.__benchLongTasks ?? []).filter((task) => task.start < until);
    return { at: window.__benchDrawn.at, longestTask: Math.max(0, ...tasks.map((task) => task.ms)) };
  }, OPEN_SETTLE_MS);
}

/** Where a gesture's trace is kept (with --save-traces), or null. */
const tracesTo = (name) => (args['save-traces'] ? join(outDir, 'traces', `${name}.json`) : null);

// ------------------------------------------------------------------ one variant at one size

function pickPeople(map) {
  const byDepartment = new Map();
  for (const person of Object.values(map.stakeholders)) {
    if (!byDepartment.has(person.departmentId)) byDepartment.set(person.departmentId, []);
    byDepartment.get(person.departmentId).push(person.id);
  }
  const groups = [...byDepartment.values()];
  const middle = Math.floor(groups.length / 2);
  const dragOne = groups[Math.max(0, middle - 1)][2];
  const twenty = groups.slice(middle).flat().slice(0, 20);
  const edits = groups[groups.length - 1].slice(0, EDIT_RUNS);
  return { dragOne, twenty, grabTwenty: twenty[1], centre: groups[middle][0], edits };
}

/**
 * One variant at one size. Each phase (open, heap, drags, pan + zoom, edit, PNG) that fails (the
 * page crashes, a script throws, or it runs past its time limit) is recorded in `result.failed`
 * with its reason, and the next phase runs. After a crash or a time-out the page cannot be trusted
 * any more: the phases left are recorded as failed with the same reason.
 */
async function measure(browser, server, variant, size, map) {
  const spec = VARIANTS[variant];
  const context = await browser.newContext({ viewport: VIEWPORT });
  const errors = [];
  const result = { variant, size, failed: {} };
  let broken = null; // why the page can no longer be used
  const phase = async (name, run, timeoutMs = PHASE_TIMEOUT_MS) => {
    if (SKIP.has(name) || (size > HUGE && !HUGE_PHASES.has(name))) return;
    if (broken) {
      result.failed[name] = broken;
      return;
    }
    try {
      await withTimeout(run(), timeoutMs, name);
    } catch (error) {
      const reason = broken ?? failureReason(error);
      result.failed[name] = reason;
      await stopTracingLeftOver(browser);
      if (/took longer than|crash|closed/i.test(reason)) broken = reason;
      log(`  ${spec.label}, ${size}: ${name} failed (${reason})`);
    }
  };
  try {
    await context.addInitScript(drawnProbe, { instanceGlobal: variant, pathPrefix: spec.pathPrefix });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('crash', () => (broken ??= 'the page crashed'));

    await phase('open', async () => {
      if (variant === 'app') {
        // Store the map through the app's own persistence layer, and check that it loads clean.
        await page.goto(server.url);
        await page.waitForFunction(() => window.__powermapBench, null, { polling: 50 });
        // Handed over as JSON text: Playwright's own serialisation of a 20,000-person object took
        // half a minute, JSON.parse in the page a tenth of a second.
        const stored = await page.evaluate(async (json) => {
          const map = JSON.parse(json);
          const started = performance.now();
          await window.__powermapBench.createMap(map);
          const ms = performance.now() - started;
          const loaded = await window.__powermapBench.loadMap(map.id);
          if (!loaded.ok) throw new Error(loaded.error);
          return { repairs: loaded.repairs, ms };
        }, JSON.stringify(map));
        result.repairs = stored.repairs;
        log(`  ${spec.label}, ${size}: map stored through createMap in ${(stored.ms / 1000).toFixed(1)} s`);
        if (result.repairs.length) log(`  warning: loading the generated map reported repairs: ${result.repairs.join(' ')}`);
      }
      const url = spec.url(server.url, map, size);
      const opens = [];
      for (let i = 0; i < OPEN_RUNS; i++) opens.push(await openMap(page, url));
      const runs = opens.map((open) => open.at);
      result.openRuns = runs;
      result.open = median(runs);
      result.openLongestTasks = opens.map((open) => open.longestTask);
      result.openLongestTask = median(result.openLongestTasks);
      await flowInstance(page, variant);
      result.drawn = await page.evaluate(() => window.__benchDrawn);
      log(`  ${spec.label}, ${size}: open ${runs.map((ms) => ms.toFixed(0)).join(' / ')} ms, longest task ${result.openLongestTasks.map((ms) => ms.toFixed(0)).join(' / ')} ms`);
      await page.waitForTimeout(1000);
      await waitForSaved(page, variant);
    });
    if (result.failed.open) broken ??= `opening failed: ${result.failed.open}`;
    const people = pickPeople(map);
    if (ONLY_EDIT) {
      await phase('edit', async () => {
        await centreOn(page, variant, people.centre, GESTURE_ZOOM);
        result.edit = await editStored(page, people.edits, () => waitForSaved(page, 'app'));
        log(`  ${spec.label}, ${size}: one edit durable ${result.edit.durableMs.toFixed(1)} ms, run() with every store subscriber ${result.edit.runMs.toFixed(1)} ms, in IndexedDB ${result.edit.ms.toFixed(1)} ms, longest task it sets off ${result.edit.blockMs.toFixed(0)} ms`);
      });
      return result;
    }
    await phase('heap', async () => {
      result.heapMb = await heapAfterGc(page);
    });
    await phase('dragOne', async () => {
      result.dragOne = await dragCard(browser, page, variant, people.dragOne, tracesTo(`${variant}-${size}-drag-one`));
    });
    await phase('dragTwenty', async () => {
      await select(page, variant, people.twenty);
      result.dragTwenty = await dragCard(browser, page, variant, people.grabTwenty, tracesTo(`${variant}-${size}-drag-twenty`));
      await select(page, variant, []);
    });
    await phase('panZoom', async () => {
      result.panZoom = await panAndZoom(browser, page, variant, people.centre, (round) => tracesTo(`${variant}-${size}-pan-zoom${round > 1 ? `-${round}` : ''}`));
    });
    log(
      `  ${spec.label}, ${size}: drag 1 p95 ${result.dragOne?.p95.toFixed(1) ?? '—'} ms, drag 20 p95 ${result.dragTwenty?.p95.toFixed(1) ?? '—'} ms, pan/zoom p95 ${result.panZoom?.p95.toFixed(1) ?? '—'} ms${result.panZoom ? ` (rounds ${result.panZoom.roundsP95.map((p) => p.toFixed(1)).join(', ')})` : ''}`,
    );

    if (variant === 'app') {
      await phase('edit', async () => {
        await centreOn(page, variant, people.centre, GESTURE_ZOOM);
        result.edit = await editStored(page, people.edits, () => waitForSaved(page, 'app'));
        log(`  ${spec.label}, ${size}: one edit durable ${result.edit.durableMs.toFixed(1)} ms, in IndexedDB ${result.edit.ms.toFixed(1)} ms, ${result.edit.rows} row(s), longest task it sets off ${result.edit.blockMs.toFixed(0)} ms`);
      });
      await phase('inspect', async () => {
        result.inspect = await clickToInspector(page, people.edits);
        log(`  ${spec.label}, ${size}: click → inspector ${result.inspect.runs.map((ms) => ms.toFixed(0)).join(' / ')} ms`);
      });
    }

    await phase(
      'png',
      async () => {
        const png = [];
        for (let i = 0; i < 2; i++) png.push(await exportPng(page, variant));
        result.png = png;
        log(`  ${spec.label}, ${size}: PNG ${png.map((p) => `${p.ms.toFixed(0)} ms`).join(' / ')} (${png[0].width}×${png[0].height})`);
      },
      PNG_TIMEOUT_MS * 2,
    );
    result.errors = errors;
    if (errors.length) log(`  warning: page errors in ${spec.label}: ${errors.join(' | ')}`);
    return result;
  } finally {
    // A page stuck in a long script can hold close() up: do not let it hold the run.
    await withTimeout(context.close(), 30_000, 'closing the page').catch(() => {});
  }
}

// ------------------------------------------------------------------ main

async function main() {
  if (args.only === 'team') {
    console.log(teamTable(await runTeamBench({ limit: Number(args['team-limit'] ?? 540) })));
    return;
  }
  await mkdir(outDir, { recursive: true });
  if (!args['skip-build']) {
    log('building the app (mode bench), the bare React Flow page and the production bundle');
    await buildAll();
  }
  const bundle = await firstScreenBundle(prodDir);
  log(`first-screen bundle: ${bundle.files.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ')}`);

  // The bench build is served by name: the harness module may already be loaded (the team bench's
  // relay helper imports it), so setting POWERMAP_DIST here would come too late.
  const { startServer, launchBrowser } = await import('../tests/e2e/harness.mjs');
  // Both pages served as a static host serves a Vite build (hashed assets immutable, the page
  // revalidated), not as the end-to-end tests are (no-store): Chromium keeps compiled scripts only
  // for files it may cache, and no user opens a map with every script compiled afresh (the app's
  // service worker keeps them too). `--no-store` measures that worst case.
  const server = await startServer({ dir: appDir, cacheable: !args['no-store'] });
  const browser = await launchBrowser();
  const results = [];
  if (ONLY_IMPORT) {
    try {
      const saveTrace = (name) =>
        args['save-traces']
          ? async (buffer) => {
              await mkdir(join(outDir, 'traces'), { recursive: true });
              await writeFile(join(outDir, 'traces', `${name}.json`), buffer);
            }
          : undefined;
      const result = await measureImport(browser, server, IMPORT_ROWS, log, saveTrace('import'));
      if (INTO_ROWS > 0) result.into = await measureImportInto(browser, server, INTO_ROWS, log, saveTrace('import-into'));
      // The load average tells how much else the machine was doing: a task's trace time is wall time.
      const load = (await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ');
      const header = `Powermap benchmark: ${machine.cores} cores, ${machine.memory} RAM, ${machine.chromium}, Node ${machine.node}, load average ${load}`;
      console.log(`${header}\n\n${importTable(result)}`);
      await writeFile(join(outDir, 'import-results.json'), JSON.stringify({ machine, load, result }, null, 2));
      log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; raw figures in bench/.out/import-results.json`);
    } finally {
      await browser.close();
      await server.close();
    }
    return;
  }
  try {
    for (const size of SIZES) {
      const map = generateMap({ size, seed: SEED });
      const counts = expectedCounts(map);
      log(`${size} stakeholders: ${counts.departments} departments, ${counts.links} links (+${counts.edges - counts.links} successor lines)`);
      for (const variant of ONLY_EDIT || APP_ONLY || size > HUGE ? ['app'] : ['app', 'baseline']) {
        try {
          results.push(await measure(browser, server, variant, size, map));
        } catch (error) {
          // Not even a page to measure in (the browser went away): record it, go on with the next.
          const reason = failureReason(error);
          log(`  ${VARIANTS[variant].label}, ${size}: failed (${reason})`);
          results.push({ variant, size, failed: { open: reason } });
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const printed = table(results, bundle, SIZES);
  const verdicts = goals(results, bundle);
  const header = `Powermap benchmark, seed ${SEED}: ${machine.cores} cores, ${machine.memory} RAM, ${machine.chromium}, Node ${machine.node}, ${args['no-store'] ? 'files served no-store' : 'hashed files served immutable'}`;
  console.log(`${header}\n\n${printed}\n\nGoals:\n${verdicts}`);
  const seconds = (performance.now() - started) / 1000;
  await writeFile(join(outDir, 'results.json'), JSON.stringify({ machine, served: args['no-store'] ? 'no-store' : 'immutable', seed: SEED, sizes: SIZES, seconds, bundle, results }, null, 2));
  log(`done in ${seconds.toFixed(0)} s; raw figures in bench/.out/results.json`);
  if (ONLY_EDIT || ONLY_IMPORT || SKIP.has('team')) return;
  console.log(`\n${teamTable(await runTeamBench({ limit: Number(args['team-limit'] ?? 540) }))}`);
}

// Exit once main is done: after a team phase whose ten clients all converged, something stayed
// open (not found) and the idle process never ended, so a full run never returned to the shell.
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
