// The thin boundary between the page and the import's heavy half (job.ts): in a browser it runs in
// a module Web Worker, so parsing, building, laying out and storing 50,000 rows never blocks the
// page; where there is no Worker (Vitest, jsdom) the same function runs inline.
import { currentLanguage, t } from '../../i18n';
import type { JobMessage, JobRequest } from './job';
import type { WorkerRequest } from './csv-import.worker';

export interface RunningJob {
  /** Stops the job: the worker is ended at once; inline, nothing more is stored or reported. */
  cancel(): void;
}

/** Starts `request`; `onMessage` gets each message, the last being 'stored', 'into', 'read' or 'error'. */
export function startJob(request: JobRequest, onMessage: (message: JobMessage) => void): RunningJob {
  if (typeof Worker !== 'undefined' && !import.meta.env?.VITEST) {
    const worker = new Worker(new URL('./csv-import.worker.ts', import.meta.url), { type: 'module', name: 'csv-import' });
    let ended = false;
    const end = () => {
      ended = true;
      worker.terminate();
      // Let go of the handler and what it holds (the rows read so far).
      worker.onmessage = null;
      worker.onerror = null;
    };
    worker.onmessage = (event: MessageEvent<JobMessage>) => {
      if (ended) return;
      const message = event.data;
      if (message.type === 'stored' || message.type === 'into' || message.type === 'read' || message.type === 'error') end();
      onMessage(message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (ended) return;
      end();
      onMessage({ type: 'error', message: event.message || t('importer.workerStopped') });
    };
    // The bytes are handed over, not copied: the page reads the file again if it needs it. The
    // page's language goes along, so the worker's notes and errors read in it.
    const message: WorkerRequest = { ...request, language: currentLanguage() };
    worker.postMessage(message, [request.bytes]);
    return { cancel: end };
  }
  let cancelled = false;
  void import('./job').then(({ runJob }) => runJob(request, (message) => cancelled || onMessage(message), () => cancelled));
  return {
    cancel: () => {
      cancelled = true;
    },
  };
}
