// The CSV import's worker: one request in, messages out (job.ts does the work). A new worker per
// request, ended by the page when the job is done or cancelled.
import { runJob, type JobMessage, type JobRequest } from './job';

const scope = self as unknown as { onmessage: ((event: MessageEvent<JobRequest>) => void) | null; postMessage(message: JobMessage): void };

scope.onmessage = (event) => {
  void runJob(event.data, (message) => scope.postMessage(message));
};
