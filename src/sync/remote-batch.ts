// Remote transactions applied to the open map in batches. A relay hands over a teammate's edits one
// Yjs transaction each; a burst of them (ten people editing, or the backlog after a reconnect)
// applied one by one would copy the map's tables, and rebase every undo step, once per
// transaction. Instead, what each transaction changed is gathered (`mergeChanged`), and once per
// turn (an animation frame in the app, a turn of the event loop in the bench) one patch is read
// from the document as it is then (`patchOf`) and handed to `apply`: one store change however
// many transactions came. Local edits meanwhile write only the fields they changed
// (`writeChanges`), so they do not overwrite what is gathered and not yet applied.
import type * as Y from 'yjs';
import type { FieldCipher } from './field-cipher';
import { mergeChanged, patchOf, type MapPatch } from './ydoc-map';

export interface RemoteBatch {
  /** Applies what has been gathered now (before closing, or when a caller needs the map current). */
  flush(): void;
  /** Stops listening; what was gathered is applied first. */
  stop(): void;
}

/**
 * Listens to `doc`'s transactions that `isRemote` accepts and hands their changes to `apply` as
 * one patch per turn; `schedule(run)` asks for `run` to be called on the next turn.
 */
export function batchRemote(
  doc: Y.Doc,
  cipher: FieldCipher,
  isRemote: (origin: unknown) => boolean,
  schedule: (run: () => void) => void,
  apply: (patch: MapPatch) => void,
): RemoteBatch {
  const pending: Y.Transaction['changed'] = new Map();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.size === 0) return;
    const patch = patchOf(doc, pending, cipher);
    pending.clear();
    apply(patch);
  };
  const onTransaction = (transaction: Y.Transaction) => {
    if (!isRemote(transaction.origin) || transaction.changed.size === 0) return;
    mergeChanged(pending, transaction.changed);
    if (scheduled) return;
    scheduled = true;
    schedule(() => {
      if (scheduled) flush();
    });
  };
  doc.on('afterTransaction', onTransaction);
  return {
    flush,
    stop() {
      doc.off('afterTransaction', onTransaction);
      flush();
    },
  };
}

/** The next animation frame, or a short timer where frames do not come (a hidden tab, a worker). */
export function nextFrame(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  // A background tab gets no frames: its map (and so its autosave) still follows within 100 ms.
  setTimeout(once, 100);
}
