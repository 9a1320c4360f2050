// The thin boundary between the page and the import's heavy half (job.ts): in a browser it runs in
// a module Web Worker, so parsing, building, comparing, laying out and storing 50,000 rows never
// blocks the page, and the rows stay there; where there is no Worker (Vitest, jsdom) the same
// session runs inline.
import type { JobMessage, JobRequest } from './job';
import { currentLanguage, t } from '../../i18n';

export interface JobChannel {
  /** Sends one request; `onMessage` gets its messages, the last being 'read', 'view', 'review', 'stored', 'into' or 'error'. */
  send(request: JobRequest, onMessage: (message: JobMessage) => void): void;
  /** Ends the session at once: the worker is terminated (a transaction cut off is never committed); inline, nothing more is reported. */
  close(): void;
}

const LAST: ReadonlySet<JobMessage['type']> = new Set(['read', 'view', 'review', 'stored', 'into', 'error']);

/** Opens a session: the worker (or the inline job) that keeps one file's rows between requests. */
export function openJob(): JobChannel {
  const handlers = new Map<number, (message: JobMessage) => void>();
  let seq = 0;
  let closed = false;
  const deliver = (id: number, message: JobMessage) => {
    const handler = handlers.get(id);
    if (closed || !handler) return;
    if (LAST.has(message.type)) handlers.delete(id);
    handler(message);
  };
  const failAll = (message: string) => {
    for (const id of [...handlers.keys()]) deliver(id, { type: 'error', message });
  };
  if (typeof Worker !== 'undefined' && !import.meta.env?.VITEST) {
    const worker = new Worker(new URL('./csv-import.worker.ts', import.meta.url), { type: 'module', name: 'csv-import' });
    worker.onmessage = (event: MessageEvent<{ seq: number; message: JobMessage }>) => deliver(event.data.seq, event.data.message);
    worker.onerror = (event) => {
      event.preventDefault();
      failAll(event.message || t('importer.workerStopped'));
    };
    return {
      send(request, onMessage) {
        if (closed) return;
        handlers.set(++seq, onMessage);
        // The bytes are handed over, not copied: the page reads the file again if it needs it.
        // The page's language goes along, so the worker's notes and errors read in it.
        worker.postMessage({ seq, request, language: currentLanguage() }, request.kind === 'read' || (request.kind === 'import' && request.bytes) ? [request.bytes!] : []);
      },
      close() {
        closed = true;
        worker.terminate();
        // Let go of the handlers and what they hold.
        worker.onmessage = null;
        worker.onerror = null;
        handlers.clear();
      },
    };
  }
  const session = import('./job').then(({ createSession }) => createSession());
  let queue: Promise<unknown> = session;
  return {
    send(request, onMessage) {
      if (closed) return;
      const id = ++seq;
      handlers.set(id, onMessage);
      queue = queue.then(() => session.then((job) => job.run(request, (message) => deliver(id, message), () => closed)));
    },
    close() {
      closed = true;
      handlers.clear();
    },
  };
}
