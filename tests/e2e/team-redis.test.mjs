// Scaling the relay out: two relay processes joined through a real redis-server (Debian's package,
// started here on a free port), a browser on each, each seeing the other's edits. Skipped, with a
// message saying what to install, only where redis-server is not installed (.ci/run installs it).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { card, openSample, suite } from './harness.mjs';
import { startRelayProcess } from './relay-process.mjs';
import { waitForStance } from './team-tools.mjs';

const REDIS = spawnSync('sh', ['-c', 'command -v redis-server']).stdout?.toString().trim();
const SKIP = REDIS ? false : 'redis-server is not installed (sudo apt-get install redis-server): the scale-out test needs it';

const app = suite();
const dirs = [];
const stops = [];
after(async () => {
  for (const stop of stops.reverse()) await stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startRedis() {
  const port = await freePort();
  const child = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  stops.push(() => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))));
  return `redis://127.0.0.1:${port}`;
}

test('two relays behind one Redis: a client on each sees the other’s edits', { skip: SKIP }, async () => {
  const redis = await startRedis();
  const relays = [];
  for (let i = 0; i < 2; i++) {
    const data = mkdtempSync(join(tmpdir(), `powermap-relay-redis-${i}-`));
    dirs.push(data);
    const relay = await startRelayProcess({ data, redis });
    stops.push(() => relay.kill('SIGTERM'));
    relays.push(relay);
  }

  const anna = await app.openApp();
  await openSample(anna.page);
  await anna.page.getByRole('button', { name: 'Share this map' }).click();
  await anna.page.getByRole('textbox', { name: 'Relay address' }).fill(relays[0].url);
  await anna.page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await anna.page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await anna.page.getByRole('dialog').getByText('Shared: live').waitFor({ timeout: 15000 });
  await anna.page.getByRole('button', { name: 'Done' }).click();

  // Boris's link names the other relay instance.
  const boris = await app.openApp();
  await boris.page.goto(link.replace(encodeURIComponent(relays[0].url), encodeURIComponent(relays[1].url)));
  await card(boris.page, 'Henrik Larsen').waitFor({ timeout: 20000 });

  await card(anna.page, 'Henrik Larsen').click({ position: { x: 12, y: 12 } });
  await anna.page.keyboard.press('c');
  await waitForStance(boris.page, 'Henrik Larsen', 'champion');
  await card(boris.page, 'Henrik Larsen').click({ position: { x: 12, y: 12 } });
  await boris.page.keyboard.press('b');
  await waitForStance(anna.page, 'Henrik Larsen', 'blocker');
  assert.deepEqual([...anna.pageErrors, ...boris.pageErrors], []);
});
