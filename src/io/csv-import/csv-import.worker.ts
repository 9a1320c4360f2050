// The CSV import's worker: one request in, messages out (job.ts does the work). A new worker per
// request, ended by the page when the job is done or cancelled. The request says the page's
// language: the worker switches to it first, so its notes, warnings and errors read in it.
import { setLanguage, type Language } from '../../i18n';
import { runJob, type JobMessage, type JobRequest } from './job';

export type WorkerRequest = JobRequest & { language: Language };

const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage(message: JobMessage): void };

scope.onmessage = (event) => {
  const { language, ...request } = event.data;
  void setLanguage(language).then(() => runJob(request as JobRequest, (message) => scope.postMessage(message)));
};
