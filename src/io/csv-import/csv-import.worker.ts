// The CSV import's worker: one session per file (job.ts does the work), holding the parsed rows
// between requests; each request answers with messages tagged by its number. Ended by the page when
// the dialog closes or an import is cancelled.
import { setLanguage, type Language } from '../../i18n';
import { createSession, type JobMessage, type JobRequest } from './job';

const scope = self as unknown as { onmessage: ((event: MessageEvent<{ seq: number; request: JobRequest; language: Language }>) => void) | null; postMessage(message: { seq: number; message: JobMessage }): void };
const session = createSession();
// One request at a time, in order: a view asked for while an import runs waits for it.
let queue = Promise.resolve();

scope.onmessage = (event) => {
  const { seq, request, language } = event.data;
  // Each request says the page's language: the worker switches first, so its notes and errors read in it.
  queue = queue.then(() => setLanguage(language)).then(() => session.run(request, (message) => scope.postMessage({ seq, message })));
};
