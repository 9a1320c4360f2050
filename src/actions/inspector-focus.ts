// The inspector's fields, reached from the canvas: Tab in a card's name field goes on to the
// person's next field in the inspector (the title), as Tab goes to a form's next field. Without
// it, Tab left the field for the card's quick-tag buttons, and the letters typed next ran as
// shortcuts. The inspector attaches what it does while it shows one person.
type NextAfterName = (id: string) => boolean;

let attached: NextAfterName | null = null;

/** Called by the inspector's form for one person; returns the detach to call when it goes. */
export function attachNextAfterName(next: NextAfterName): () => void {
  attached = next;
  return () => {
    if (attached === next) attached = null;
  };
}

export const inspectorFocus = {
  /** Moves keyboard focus to the field after `id`'s name in the inspector; false when it does not show them. */
  nextAfterName: (id: string): boolean => attached?.(id) ?? false,
};
