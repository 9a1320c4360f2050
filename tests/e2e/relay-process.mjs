// Starts `node relay/relay.mjs` as its own process, as a team would run it, for the e2e tests and
// the bench: on a free port (or a given one, to restart on the same address) and a data directory.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './harness.mjs';

/**
 * @param {{ data: string, port?: number, redis?: string }} options
 * @returns {Promise<{ port: number, url: string, process: import('node:child_process').ChildProcess, kill(signal?: string): Promise<void> }>}
 */
export function startRelayProcess({ data, port = 0, redis }) {
  const args = [join(repoRoot, 'relay', 'relay.mjs'), '--port', String(port), '--data', data, ...(redis ? ['--redis', redis] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The relay did not start within 15 s:\n${output}`)), 15000);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`The relay exited (${code}) before listening:\n${output}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/listening on ws:\/\/[^:]+:(\d+)/);
      if (!match) return;
      clearTimeout(timer);
      const listening = Number(match[1]);
      resolve({
        port: listening,
        url: `ws://127.0.0.1:${listening}`,
        process: child,
        kill(signal = 'SIGKILL') {
          if (child.exitCode !== null) return Promise.resolve();
          return new Promise((done) => {
            child.once('exit', () => done());
            child.kill(signal);
          });
        },
      });
    });
  });
}
