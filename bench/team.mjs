// `npm run bench -- --only=team`: team maps through a real relay process on loopback.
//  1. Latency: 3 clients on a 100-person map; one at a time changes a stance, and the time until
//     each other client has applied it to its map (the same writeChanges / patchOf / applyPatch
//     the app runs) is recorded: 300 edits, p50 / p95 / max.
//  2. Scale: 10 clients on a 1,000-person map make 1,000 edits each (stances, titles and card
//     positions of random people, 10 edits at a time per client), then wait until every client's
//     map is the same; the relay's CPU time and peak memory (RSS) are read from /proc.
// The clients are Node processes' Yjs documents with @hocuspocus/provider over the ws package, not
// browsers: the figures are the sync path (client → relay → client), without drawing the card.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { generateMap, prng } from './generate-map.mjs';
import { startRelayProcess } from '../tests/e2e/relay-process.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const WebSocket = createRequire(import.meta.url)('ws');
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker', 'unknown'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** The app's own Yjs mapping and cipher, built for Node. */
async function loadSyncModule(outDir) {
  execSync(`npx vite build --ssr bench/lib/team-sync.ts --outDir ${outDir} --emptyOutDir --logLevel error`, { cwd: repoRoot, stdio: 'inherit' });
  return import(pathToFileURL(join(outDir, 'team-sync.js')).href);
}

/** The relay's CPU time (ms) and resident memory (MiB), from /proc. */
function relayUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
  return { cpuMs: (ticks * 1000) / 100, rssMiB: rss };
}

// Every map is encrypted end to end, as every new share is: one key for the bench's maps.
let cipher = null;

function client(sync, url, room, map, onRemote) {
  const doc = new Y.Doc();
  const state = { doc, map, synced: false };
  // Remote transactions are gathered and applied to the map once per turn of the event loop (a
  // burst of a hundred updates from the relay costs one copy of the people table, not a hundred).
  // patchOf reads the document as it is when applied, so the gathered keys make one right patch.
  const pending = new Map();
  let scheduled = false;
  const apply = () => {
    scheduled = false;
    if (pending.size === 0) return;
    const patch = sync.patchOf(doc, pending, cipher);
    pending.clear();
    state.map = sync.applyPatch(state.map, patch);
    onRemote?.(state);
  };
  doc.on('afterTransaction', (transaction) => {
    if (transaction.origin === 'local' || transaction.changed.size === 0) return;
    sync.mergeChanged(pending, transaction.changed);
    if (!scheduled) {
      scheduled = true;
      setImmediate(apply);
    }
  });
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, token: 'bench-secret', onSynced: () => (state.synced = true) });
  provider.attach();
  state.edit = (change) => {
    // What came from the others first, so the edit is made on the map the document holds.
    apply();
    const next = change(state.map);
    sync.writeChanges(doc, state.map, next, 'local', cipher);
    state.map = next;
  };
  state.close = () => {
    provider.destroy();
    socket.destroy();
  };
  return state;
}

async function until(check, ms, what) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
  return Date.now() - start;
}

const withPerson = (map, id, fields) => ({ ...map, stakeholders: { ...map.stakeholders, [id]: { ...map.stakeholders[id], ...fields } } });

/** Opens `count` clients on a map shared by the first one; resolves when all are synced. */
async function openClients(sync, url, room, map, count, onRemote) {
  const first = client(sync, url, room, map, onRemote);
  sync.writeChanges(first.doc, null, map, 'local', cipher);
  await until(() => first.synced, 20000, 'the first client');
  const others = [];
  for (let i = 1; i < count; i++) others.push(client(sync, url, room, sync.readMap(first.doc, map.id, cipher), onRemote));
  await until(() => others.every((c) => c.synced), 240000, 'every client');
  // Each joining client's map starts from the document it received.
  for (const c of others) c.map = sync.readMap(c.doc, map.id, cipher) ?? c.map;
  return [first, ...others];
}

async function latency(sync, url) {
  const map = generateMap({ size: 100 });
  const people = Object.keys(map.stakeholders);
  const pending = new Map();
  const delays = [];
  const clients = await openClients(sync, url, 'map_bench_latency', map, 3, (state) => {
    for (const [key, { sentAt, seen }] of pending) {
      const [id, stance] = key.split('|');
      if (state.map.stakeholders[id]?.stance === stance && !seen.has(state)) {
        seen.add(state);
        delays.push(performance.now() - sentAt);
      }
    }
  });
  const random = prng(7);
  for (let i = 0; i < 300; i++) {
    const author = clients[i % 3];
    const id = people[Math.floor(random() * people.length)];
    const current = author.map.stakeholders[id].stance;
    const stance = STANCES.find((s) => s !== current && random() < 0.5) ?? STANCES.find((s) => s !== current);
    pending.clear();
    const seen = new Set();
    pending.set(`${id}|${stance}`, { sentAt: performance.now(), seen });
    author.edit((m) => withPerson(m, id, { stance }));
    await until(() => seen.size === 2, 5000, 'an edit to arrive');
    await sleep(5);
  }
  for (const c of clients) c.close();
  return { edits: 300, samples: delays.length, p50: quantile(delays, 0.5), p95: quantile(delays, 0.95), max: Math.max(...delays) };
}

async function scale(sync, url, pid, { clientsCount = 10, editsEach = 1000, size = 1000 } = {}) {
  const map = generateMap({ size });
  const people = Object.keys(map.stakeholders);
  const before = relayUsage(pid);
  let peak = before.rssMiB;
  const sampler = setInterval(() => (peak = Math.max(peak, relayUsage(pid).rssMiB)), 100);
  const clients = await openClients(sync, url, 'map_bench_scale', map, clientsCount);
  console.error(`team: ${clientsCount} clients synced; editing…`);
  const started = performance.now();
  await Promise.all(
    clients.map(async (c, index) => {
      const random = prng(100 + index);
      for (let i = 0; i < editsEach; i++) {
        const id = people[Math.floor(random() * people.length)];
        const kind = i % 3;
        c.edit((m) =>
          withPerson(m, id, kind === 0 ? { stance: STANCES[Math.floor(random() * STANCES.length)] } : kind === 1 ? { title: `Title ${index}-${i}` } : { position: { x: Math.round(random() * 2000), y: Math.round(random() * 2000) } }),
        );
        if (i % 10 === 9) await sleep(1);
      }
    }),
  );
  const editing = performance.now() - started;
  console.error(`team: edits made in ${Math.round(editing)} ms; waiting for every client to have them…`);
  const fingerprint = (c) => JSON.stringify(c.map.stakeholders);
  const converge = await until(() => clients.every((c) => Y.encodeStateVector(c.doc).toString() === Y.encodeStateVector(clients[0].doc).toString()), 600000, 'convergence');
  await until(() => clients.every((c) => fingerprint(c) === fingerprint(clients[0])), 60000, 'the maps to agree');
  const sameAsDocument = JSON.stringify(sync.readMap(clients[0].doc, map.id, cipher).stakeholders) === fingerprint(clients[0]);
  clearInterval(sampler);
  const after = relayUsage(pid);
  for (const c of clients) c.close();
  return {
    clients: clientsCount,
    editsEach,
    size,
    editingMs: Math.round(editing),
    convergedAfterMs: Math.round(editing + converge),
    converged: true,
    mapsMatchDocument: sameAsDocument,
    relayCpuMs: Math.round(after.cpuMs - before.cpuMs),
    relayPeakRssMiB: Math.round(peak),
    relayRssBeforeMiB: Math.round(before.rssMiB),
  };
}

export async function runTeamBench({ clients = 10, edits = 1000, size = 1000 } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'powermap-bench-relay-'));
  const sync = await loadSyncModule(join(repoRoot, 'bench', '.out', 'sync'));
  cipher = sync.fieldCipher(sync.newKey());
  const relay = await startRelayProcess({ data });
  try {
    console.error('team: latency, 3 clients, 300 edits on a 100-person map…');
    const lat = await latency(sync, relay.url);
    console.error(`team: latency p50 ${lat.p50.toFixed(1)} ms, p95 ${lat.p95.toFixed(1)} ms, max ${lat.max.toFixed(1)} ms`);
    console.error(`team: scale, ${clients} clients × ${edits} edits on a ${size}-person map…`);
    const big = await scale(sync, relay.url, relay.process.pid, { clientsCount: clients, editsEach: edits, size });
    return { latency: lat, scale: big };
  } finally {
    // A relay asked to stop while a failed run's clients are still connected may wait on them.
    await Promise.race([relay.kill('SIGTERM'), sleep(5000).then(() => relay.kill('SIGKILL'))]);
    rmSync(data, { recursive: true, force: true });
  }
}

/** The figures as a Markdown table. */
export function teamTable({ latency: l, scale: s }) {
  return [
    '| team maps (relay process on loopback, Node clients) | figure |',
    '| --- | --- |',
    `| an edit seen by the 2 other clients (3 clients, ${l.edits} edits, 100-person map) | p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${l.max.toFixed(1)} ms |`,
    `| ${s.clients} clients × ${s.editsEach} edits, ${s.size}-person map | made in ${s.editingMs} ms, every map the same after ${s.convergedAfterMs} ms; maps equal the document: ${s.mapsMatchDocument} |`,
    `| the relay during that run | CPU ${s.relayCpuMs} ms, memory (RSS) ${s.relayRssBeforeMiB} MiB before, ${s.relayPeakRssMiB} MiB at peak |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // node bench/team.mjs [--clients=10] [--edits=1000] [--size=1000]
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const result = await runTeamBench({ clients: Number(args.clients ?? 10), edits: Number(args.edits ?? 1000), size: Number(args.size ?? 1000) });
  console.log(teamTable(result));
  process.exit(0);
}
