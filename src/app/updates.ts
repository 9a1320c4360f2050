// Releases of the app itself. The service worker precaches every file of a release, so the app
// opens without a network. A new release installs in the background and then waits: the code under
// an open map is never swapped silently. The user reloads into it from the notice (UpdateNotice),
// which first writes every unsaved change.
import { create } from 'zustand';

export interface UpdateState {
  /** A new release is installed and waiting, and the user has not dismissed the notice. */
  waiting: boolean;
  /** The user asked for the new release; the page is about to reload. */
  reloading: boolean;
  /** Saves, lets the new release take over, and reloads into it. */
  reload(): Promise<void>;
  /** Hides the notice; the release keeps waiting and is offered again the next time the app opens. */
  dismiss(): void;
}

export const useUpdateStore = create<UpdateState>((set) => ({
  waiting: false,
  reloading: false,
  reload: async () => undefined,
  dismiss: () => set({ waiting: false }),
}));

/** How often an open tab asks the server whether there is a new release. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** What vite-plugin-pwa's registerSW offers (its own type, narrowed to what is used here). */
export type RegisterWorker = (options: {
  onNeedRefresh?: () => void;
  onNeedReload?: () => void;
  onRegisteredSW?: (url: string, registration: ServiceWorkerRegistration | undefined) => void;
}) => () => Promise<void>;

export interface UpdatesOptions {
  registerWorker: RegisterWorker;
  /** Writes every unsaved change (the autosave's flush). */
  beforeReload: () => Promise<void>;
  /**
   * Stops what would still fetch the app's files by itself (src/io/take-over.ts), just before the
   * new release's worker takes over: a fetch while Chromium stops the old worker restarts it, and
   * the new one then stays waiting, the page never reloading.
   */
  beforeTakeOver?: () => void;
  reloadPage?: () => void;
}

/** Registers the service worker and connects its news to the update store. */
export function startUpdates({
  registerWorker,
  beforeReload,
  beforeTakeOver = () => undefined,
  reloadPage = () => window.location.reload(),
}: UpdatesOptions): void {
  const activateWaiting = registerWorker({
    onNeedRefresh: () => useUpdateStore.setState({ waiting: true }),
    // The new release has taken over, after this tab's click or another tab's: the old release's
    // files are gone from the cache, so this page must load the new one, its changes saved first.
    onNeedReload: () => void beforeReload().finally(reloadPage),
    onRegisteredSW(_url, registration) {
      // A tab left open for days still hears of a release.
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
  });
  useUpdateStore.setState({
    async reload() {
      useUpdateStore.setState({ reloading: true });
      await beforeReload();
      beforeTakeOver();
      await activateWaiting();
    },
  });
}
