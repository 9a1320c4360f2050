#!/usr/bin/env node
// Powermap's relay for team maps: a Hocuspocus server (Yjs over WebSocket) that a team runs itself.
//   npm run relay -- --port 4444 --data ./relay-data [--host 127.0.0.1] [--redis redis://127.0.0.1:6379]
// It admits a client to a map only with that map's access secret (sent by the app from the share
// link's fragment), keeps every map's Yjs state in <data>/relay.sqlite, and, with --redis, passes
// updates to the other relay instances of the same Redis so clients on different instances see
// each other's edits. docs/collaboration.md tells how to run it.
import { timingSafeEqual } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { openStore, hashSecret } from './store.mjs';

/** What a refused client is told; the app shows its own sentence for each. */
export const REFUSALS = {
  wrongSecret: 'wrong-secret',
  noSecret: 'no-secret',
  badName: 'bad-map-id',
};

const MAP_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function parseArguments(argv) {
  const options = { port: 4444, host: '127.0.0.1', data: './relay-data', redis: null, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--data') options.data = value();
    else if (flag === '--redis') options.redis = value();
    else if (flag === '--quiet') options.quiet = true;
    else throw new Error(`Unknown option ${argv[i]}. Use --port N --data DIR [--host ADDRESS] [--redis redis://HOST:PORT] [--quiet]`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port needs a port number (0–65535).');
  if (!options.data) throw new Error('--data needs a directory for the relay to keep the maps in.');
  return options;
}

const sameHash = (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Starts a relay; resolves once it listens. `stop()` stores every open map and closes. */
export async function startRelay(options) {
  const store = await openStore(options.data);
  const extensions = [
    new Database({
      fetch: async ({ documentName }) => store.fetch(documentName),
      store: async ({ documentName, state }) => store.store(documentName, state),
    }),
  ];
  if (options.redis) {
    const { Redis } = await import('@hocuspocus/extension-redis');
    const url = new URL(options.redis);
    extensions.unshift(new Redis({ host: url.hostname, port: Number(url.port || 6379), prefix: 'powermap' }));
  }
  const server = new Server({
    port: options.port,
    address: options.host,
    quiet: true,
    // A relay killed without warning has stored every change older than a second; the clients
    // hold the rest and send it again when they reconnect.
    debounce: 200,
    maxDebounce: 1000,
    stopOnSignals: false,
    extensions,
    async onAuthenticate({ documentName, token }) {
      if (!MAP_ID.test(documentName)) throw Object.assign(new Error(REFUSALS.badName), { reason: REFUSALS.badName });
      if (!token) throw Object.assign(new Error(REFUSALS.noSecret), { reason: REFUSALS.noSecret });
      const known = store.secretHash(documentName) ?? store.claim(documentName, token);
      if (!sameHash(known, hashSecret(token))) throw Object.assign(new Error(REFUSALS.wrongSecret), { reason: REFUSALS.wrongSecret });
      return { mapId: documentName };
    },
  });
  await server.listen();
  const port = server.address.port;
  return {
    port,
    server,
    async stop() {
      await server.destroy();
      store.close();
    },
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const relay = await startRelay(options);
  console.log(`Powermap relay listening on ws://${options.host}:${relay.port} (data in ${options.data}${options.redis ? `, Redis ${options.redis}` : ''})`);
  const stop = async () => {
    await relay.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
