// `npm run bench -- --only=team`: team maps through a real relay process on loopback, between
// clients that each run the app's own store and sync session in a worker thread
// (bench/lib/team-client.ts): named edits through the store, which the session writes to Yjs and
// the relay passes on; what arrives is applied to each client's store once per frame (16 ms), to
// its map and to every undo step, as in the app. No browser draws the cards.
//  1. Latency: 3 clients on a 100-person map; one at a time changes a stance, and the time until
//     each other client's store shows it is recorded: 300 edits, p50 / p95 / max.
//  2. Scale: 10 clients on a 1,000-person map make 1,000 edits each (stances, titles and card
//     positions of random people, 10 edits at a time per client), then wait until every client's
//     document and map are the same; the relay's CPU time and peak memory (RSS) are read from /proc.
//     The phase has a time limit (--limit=S, 540 s by default, joining included): a run that hits it is reported as
//     failed with how far it got, rather than holding up `npm run bench`.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateMap, prng } from './generate-map.mjs';
import { startRelayProcess } from '../tests/e2e/relay-process.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker', 'unknown'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const load = () => loadavg()[0].toFixed(1);

/** The client (the app's store and session) built for Node. */
function buildClient(outDir) {
  execSync(`npx vite build --ssr bench/lib/team-client.ts --mode bench --outDir ${outDir} --emptyOutDir --logLevel error`, { cwd: repoRoot, stdio: 'inherit' });
  return join(outDir, 'team-client.js');
}

/** The relay's CPU time (ms) and resident memory (MiB), from /proc. */
function relayUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
  return { cpuMs: (ticks * 1000) / 100, rssMiB: rss };
}

/** A client in its own thread; `ask(type, fields)` resolves with its answer. */
function startClient(script) {
  const worker = new Worker(script);
  const waiting = new Map();
  let next = 0;
  worker.on('message', (message) => {
    const pending = waiting.get(message.call);
    waiting.delete(message.call);
    if (message.error) pending?.reject(new Error(message.error));
    else pending?.resolve(message);
  });
  worker.on('error', (error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  });
  return {
    ask(type, fields = {}) {
      const call = next++;
      return new Promise((resolve, reject) => {
        waiting.set(call, { resolve, reject });
        worker.postMessage({ ...fields, call, type });
      });
    },
    async close() {
      await Promise.race([this.ask('close'), sleep(5000)]).catch(() => {});
      await worker.terminate();
    },
  };
}

/** A share as the app makes one: a map id, an access secret and a map key. */
function shareOf(url, room, key) {
  return { mapId: `${room}_local`, room, relay: url, secret: 'bench-secret', key };
}

/** Opens `count` clients on a map shared by the first; resolves when every one is live. */
async function openClients(script, share, map, count) {
  const clients = [];
  try {
    const first = startClient(script);
    clients.push(first);
    await first.ask('open', { share, map: { ...map, id: share.mapId } });
    for (let i = 1; i < count; i++) clients.push(startClient(script));
    // Each joins from the link: the map comes from the relay, as a teammate's browser gets it.
    await Promise.all(clients.slice(1).map((c) => c.ask('open', { share })));
    return clients;
  } catch (error) {
    await Promise.all(clients.map((c) => c.close()));
    throw error;
  }
}

async function latency(script, url, key) {
  const map = generateMap({ size: 100 });
  const people = Object.keys(map.stakeholders);
  const clients = await openClients(script, shareOf(url, 'map_bench_latency', key), map, 3);
  const delays = [];
  try {
    const random = prng(7);
    const stances = new Map();
    for (let i = 0; i < 300; i++) {
      const author = i % 3;
      const id = people[Math.floor(random() * people.length)];
      const current = stances.get(id) ?? map.stakeholders[id].stance;
      const stance = STANCES.find((s) => s !== current && random() < 0.5) ?? STANCES.find((s) => s !== current);
      stances.set(id, stance);
      const others = clients.filter((_, index) => index !== author);
      const watching = others.map((c) => c.ask('watch', { id, stance }));
      const { at: sentAt } = await clients[author].ask('stance', { id, stance });
      const seen = await Promise.race([Promise.all(watching), sleep(15000).then(() => null)]);
      if (!seen) throw new Error(`edit ${i + 1} did not reach the other clients within 15 s`);
      for (const { at } of seen) delays.push(at - sentAt);
      await sleep(5);
    }
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
  return { edits: 300, samples: delays.length, p50: quantile(delays, 0.5), p95: quantile(delays, 0.95), max: Math.max(...delays) };
}

/**
 * Whether every client's document holds the same edits and every map equals the others: the state
 * vectors first (cheap), the maps' digests only once those agree, so the polling itself does not
 * slow the clients down. `known` is the sum of a document's clocks: how much of everyone's writing it holds.
 */
async function converged(clients) {
  const vectors = await Promise.all(clients.map((c) => c.ask('vector')));
  if (!vectors.every((v) => v.vector === vectors[0].vector)) return { same: false, vectors };
  const states = await Promise.all(clients.map((c) => c.ask('state')));
  return { same: states.every((s) => s.vector === vectors[0].vector && s.store === states[0].store), vectors };
}

async function scale(script, url, key, pid, { clientsCount, editsEach, size, limitMs }) {
  const map = generateMap({ size });
  const started = Date.now();
  const before = relayUsage(pid);
  const cpuBefore = process.cpuUsage();
  let peak = before.rssMiB;
  const loads = [load()];
  const sampler = setInterval(() => {
    peak = Math.max(peak, relayUsage(pid).rssMiB);
    loads.push(load());
  }, 500);
  const result = { clients: clientsCount, editsEach, size, limitS: limitMs / 1000, converged: false };
  const left = () => limitMs - (Date.now() - started);
  let clients = [];
  try {
    clients = await openClients(script, shareOf(url, 'map_bench_scale', key), map, clientsCount);
    result.joinedMs = Date.now() - started;
    console.error(`team: ${clientsCount} clients live after ${result.joinedMs} ms (load ${load()}); editing…`);
    const editing = performance.now();
    const made = Promise.all(clients.map((c, index) => c.ask('edit', { count: editsEach, seed: 100 + index, index })));
    const timedOut = await Promise.race([made.then(() => false), sleep(Math.max(0, left())).then(() => true)]);
    if (timedOut) throw new Error(`the edits were not all made within the ${limitMs / 1000} s limit`);
    result.editingMs = Math.round(performance.now() - editing);
    console.error(`team: ${clientsCount * editsEach} edits made in ${result.editingMs} ms (load ${load()}); waiting for every client to have them…`);
    let told = Date.now();
    for (;;) {
      const { same, vectors } = await converged(clients);
      if (same) break;
      const known = vectors.map((v) => v.known);
      const progress = `the documents' clocks sum to ${Math.min(...known)} to ${Math.max(...known)}`;
      if (left() <= 0) throw new Error(`not the same on every client within the ${limitMs / 1000} s limit (${progress})`);
      if (Date.now() - told > 15000) {
        told = Date.now();
        console.error(`team: ${progress} (load ${load()})`);
      }
      await sleep(250);
    }
    result.convergedAfterMs = Math.round(performance.now() - editing);
    result.converged = true;
    // Each client's map equals what its document holds (read in full, decrypted).
    const final = await Promise.all(clients.map((c) => c.ask('state', { withDocument: true })));
    result.mapsMatchDocument = final.every((s) => s.document === s.store);
  } catch (error) {
    result.failed = String(error.message ?? error).split('\n')[0];
    console.error(`team: scale FAILED: ${result.failed}`);
  } finally {
    clearInterval(sampler);
    const after = relayUsage(pid);
    const cpu = process.cpuUsage(cpuBefore);
    result.relayCpuMs = Math.round(after.cpuMs - before.cpuMs);
    result.relayPeakRssMiB = Math.round(peak);
    result.relayRssBeforeMiB = Math.round(before.rssMiB);
    result.clientsCpuMs = Math.round((cpu.user + cpu.system) / 1000);
    result.load = `${Math.min(...loads.map(Number))}–${Math.max(...loads.map(Number))}`;
    await Promise.all(clients.map((c) => c.close()));
  }
  return result;
}

export async function runTeamBench({ clients = 10, edits = 1000, size = 1000, limit = 540, skipLatency = false } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'powermap-bench-relay-'));
  const script = buildClient(join(repoRoot, 'bench', '.out', 'client'));
  const { newKey } = await import(pathToFileURL(script).href);
  const key = newKey();
  const relay = await startRelayProcess({ data });
  try {
    let lat = null;
    if (!skipLatency) {
      console.error('team: latency, 3 clients, 300 edits on a 100-person map…');
      lat = await latency(script, relay.url, key);
      console.error(`team: latency p50 ${lat.p50.toFixed(1)} ms, p95 ${lat.p95.toFixed(1)} ms, max ${lat.max.toFixed(1)} ms`);
    }
    console.error(`team: scale, ${clients} clients × ${edits} edits on a ${size}-person map (limit ${limit} s)…`);
    const big = await scale(script, relay.url, key, relay.process.pid, { clientsCount: clients, editsEach: edits, size, limitMs: limit * 1000 });
    return { latency: lat, scale: big };
  } finally {
    // A relay asked to stop while a failed run's clients are still connected may wait on them.
    await Promise.race([relay.kill('SIGTERM'), sleep(5000).then(() => relay.kill('SIGKILL'))]);
    rmSync(data, { recursive: true, force: true });
  }
}

/** The figures as a Markdown table. */
export function teamTable({ latency: l, scale: s }) {
  const outcome = s.converged
    ? `made in ${s.editingMs} ms, every client's document and map the same after ${s.convergedAfterMs} ms; maps equal their documents: ${s.mapsMatchDocument}`
    : `**failed**: ${s.failed}`;
  return [
    '| team maps (relay process on loopback; clients: the app\'s store and sync session, one worker thread each) | figure |',
    '| --- | --- |',
    ...(l ? [`| an edit seen in the store of the 2 other clients (3 clients, ${l.edits} edits, 100-person map) | p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${l.max.toFixed(1)} ms |`] : []),
    `| ${s.clients} clients × ${s.editsEach} edits, ${s.size}-person map (limit ${s.limitS} s) | ${outcome} |`,
    `| the relay during that run | CPU ${s.relayCpuMs} ms, memory (RSS) ${s.relayRssBeforeMiB} MiB before, ${s.relayPeakRssMiB} MiB at peak |`,
    `| the clients' process during that run | CPU ${s.clientsCpuMs} ms; load average (1 min) ${s.load} |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // node bench/team.mjs [--clients=10] [--edits=1000] [--size=1000] [--limit=300] [--skip-latency]
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const result = await runTeamBench({
    clients: Number(args.clients ?? 10),
    edits: Number(args.edits ?? 1000),
    size: Number(args.size ?? 1000),
    limit: Number(args.limit ?? 540),
    skipLatency: 'skip-latency' in args,
  });
  console.log(teamTable(result));
  process.exit(result.scale.converged ? 0 : 1);
}
