// A polite live region: a screen reader hears what an edit added or deleted ("Added Anna Berg",
// "Linked: Anna Berg reports to Boris Ivanov"), from the store, whichever way the edit was made.
// Saving is announced by the save status beside the map's name (also a status region).
import { useEffect, useState } from 'react';
import { describeChange } from '../domain/messages';
import { useMapStore } from '../store/map-store';

export function Announcer() {
  const [message, setMessage] = useState({ text: '', n: 0 });
  useEffect(
    () =>
      useMapStore.subscribe((state, previous) => {
        const before = previous.map;
        const after = state.map;
        // Steps inside a drag or a typing session are not announced; nor is opening a map.
        if (!before || !after || before === after || before.id !== after.id || state.gestureStart) return;
        const text = describeChange(before, after);
        if (text) setMessage((current) => ({ text, n: current.n + 1 }));
      }),
    [],
  );
  return (
    <div className="pm-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {/* The same words twice in a row must be read twice: a changing key makes a new node. */}
      <span key={message.n}>{message.text}</span>
    </div>
  );
}
