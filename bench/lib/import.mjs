// `npm run bench -- --only=import [--rows=50000]`: a CRM CSV of that many people is imported through
// the home view of the built app, as a user would (Import map or CSV…, then Import N rows), under a
// Chrome trace. Reported: the time from choosing the file to the column preview, from the Import
// click to "Imported N stakeholders" (the map laid out and stored), and the longest main-thread task
// in each phase, read from the trace (top-level RunTask of the page's renderer main thread; a
// worker's tasks run on another thread and are not counted).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACE_CATEGORIES } from './trace.mjs';

/** A Salesforce-report-like export: teams of 50 under a lead, 100 departments, quoted titles with commas. */
export function importCsv(rows) {
  const lines = ['First Name,Last Name,Job Title,Department,Email,Phone,Reports To'];
  for (let i = 0; i < rows; i++) {
    const team = Math.floor(i / 50);
    const lead = team * 50;
    const manager = i % 50 === 0 ? (i === 0 ? '' : 'Person0 Lead') : `Person${lead} Lead`;
    const last = i % 50 === 0 ? 'Lead' : `Member${i}`;
    lines.push(`Person${i},${last},"Role ${i % 7}, level ${i % 3}",Department ${team % 100},p${i}@example.com,+48 22 555 ${String(i % 10000).padStart(4, '0')},${manager}`);
  }
  return lines.join('\r\n');
}

/** The page's renderer main thread: the one that dispatched the click on the Import button. */
function mainThread(events) {
  const click = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  if (!click) throw new Error('The trace holds no click: the Import button was not pressed.');
  return { pid: click.pid, tid: click.tid };
}

/** A trace's events, the page's main thread and the trace times of `marks` (performance.mark names). */
function readTrace(buffer, marks) {
  const events = JSON.parse(buffer.toString('utf8')).traceEvents;
  const at = marks.map((name) => events.find((e) => e.name === name && (e.ph === 'R' || e.ph === 'I' || e.ph === 'b' || e.ph === 'n'))?.ts);
  if (at.some((ts) => ts === undefined)) throw new Error(`The trace lacks some of the performance marks ${marks.join(', ')}.`);
  return { events, thread: mainThread(events), at };
}

/** Top-level tasks of that thread between two trace times (µs): the longest, and how many passed 50 and 100 ms. */
export function longTasks(events, thread, from, to) {
  const tasks = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.name === 'RunTask' && typeof e.dur === 'number' && e.ts >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts);
  const top = [];
  for (const task of tasks) {
    const last = top[top.length - 1];
    if (!last || task.ts >= last.ts + last.dur) top.push(task);
  }
  const durations = top.map((task) => task.dur / 1000);
  return {
    longestMs: Math.max(0, ...durations),
    over50: durations.filter((ms) => ms > 50).length,
    over100: durations.filter((ms) => ms > 100).length,
  };
}

/** Runs `body` on a fresh page of the app with a scratch folder; the page's errors are collected. */
async function onFreshPage(browser, server, body) {
  const dir = await mkdtemp(join(tmpdir(), 'powermap-import-'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    return await body(page, dir, errors);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Imports `rows` people into a new map through the UI; returns the phases' times and longest tasks. */
export function measureImport(browser, server, rows, log, saveTrace) {
  return onFreshPage(browser, server, async (page, dir, errors) => {
    const csv = Buffer.from(importCsv(rows));
    log(`import: ${rows.toLocaleString('en')} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
    // From a file on disk, as a user picks it: a buffer handed to setFiles would be rebuilt into a
    // File by script in the page, a long task of the harness, not of the app.
    const path = join(dir, 'contacts.csv');
    await writeFile(path, csv);
    const button = page.getByRole('button', { name: 'Import map or CSV…' });
    await button.waitFor();

    await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, 'blink.user_timing', ...(process.env.BENCH_CPU_PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : [])] });
    const marks = {};
    let buffer;
    try {
      const mark = (name) => page.evaluate((name) => performance.mark(name), name).then(() => (marks[name] = Date.now()));
      await mark('pm-choose');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
      await chooser.setFiles(path);
      const dialog = page.getByRole('dialog', { name: 'Import stakeholders as a new map' });
      const importButton = dialog.getByRole('button', { name: `Import ${rows.toLocaleString('en')} rows` });
      await importButton.waitFor({ timeout: 120_000 });
      await mark('pm-previewed');
      await importButton.click();
      await dialog.getByText(`Imported ${rows.toLocaleString('en')} stakeholders`).waitFor({ timeout: 600_000 });
      await mark('pm-imported');
    } finally {
      buffer = await browser.stopTracing();
    }
    await saveTrace?.(buffer);
    const { events, thread, at: [chosen, previewed, imported] } = readTrace(buffer, ['pm-choose', 'pm-previewed', 'pm-imported']);
    if (errors.length) log(`  page errors: ${errors.join(' | ')}`);
    return {
      rows,
      read: { ms: marks['pm-previewed'] - marks['pm-choose'], ...longTasks(events, thread, chosen, previewed) },
      import: { ms: marks['pm-imported'] - marks['pm-previewed'], ...longTasks(events, thread, previewed, imported) },
    };
  });
}

/**
 * Imports `rows` people into the open sample map through the toolbar (the path that adds the records
 * to the map in the page and draws them), under a Chrome trace from the Import click until three
 * seconds after "Imported N stakeholders": the store change, the drawing of the map and its autosave.
 */
export function measureImportInto(browser, server, rows, log, saveTrace) {
  return onFreshPage(browser, server, async (page, dir, errors) => {
    await page.getByRole('button', { name: 'Open Nordwind Logistics AG' }).click();
    await page.getByRole('group', { name: 'Department: IT' }).waitFor();
    const path = join(dir, 'contacts.csv');
    await writeFile(path, Buffer.from(importCsv(rows)));
    log(`import into an open map: ${rows.toLocaleString('en')} rows`);
    const toolbar = page.getByRole('toolbar', { name: 'Map toolbar' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), toolbar.getByRole('button', { name: 'Import map file or CSV' }).click()]);
    await chooser.setFiles(path);
    const dialog = page.getByRole('dialog', { name: 'Import stakeholders into “Nordwind Logistics AG”' });
    const importButton = dialog.getByRole('button', { name: `Import ${rows.toLocaleString('en')} rows` });
    await importButton.waitFor({ timeout: 120_000 });
    await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, 'blink.user_timing', ...(process.env.BENCH_CPU_PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : [])] });
    const marks = {};
    let buffer;
    try {
      const mark = (name) => page.evaluate((name) => performance.mark(name), name).then(() => (marks[name] = Date.now()));
      await mark('pm-into-start');
      await importButton.click();
      await dialog.getByText(`Imported ${rows.toLocaleString('en')} stakeholders`).waitFor({ timeout: 600_000 });
      await mark('pm-into-imported');
      await page.waitForTimeout(3000);
      await mark('pm-into-end');
    } finally {
      buffer = await browser.stopTracing();
    }
    await saveTrace?.(buffer);
    const { events, thread, at: [start, , end] } = readTrace(buffer, ['pm-into-start', 'pm-into-imported', 'pm-into-end']);
    if (errors.length) log(`  page errors: ${errors.join(' | ')}`);
    return { rows, ms: marks['pm-into-imported'] - marks['pm-into-start'], ...longTasks(events, thread, start, end) };
  });
}

export function importTable(result) {
  const row = (label, phase) =>
    `| ${label} | ${(phase.ms / 1000).toFixed(1)} s | ${phase.longestMs.toFixed(0)} ms | ${phase.over100} | ${phase.over50} |`;
  return [
    `Import of ${result.rows.toLocaleString('en')} CSV rows into a new map, through the home view`,
    '',
    '| phase | wall time | longest main-thread task | tasks > 100 ms | tasks > 50 ms |',
    '| --- | --- | --- | --- | --- |',
    row('file chosen → columns shown', result.read),
    row('Import clicked → map stored', result.import),
    ...(result.into ? [row(`${result.into.rows.toLocaleString('en')} rows into the open sample map: Import clicked → imported, + 3 s drawing and saving`, result.into)] : []),
  ].join('\n');
}
