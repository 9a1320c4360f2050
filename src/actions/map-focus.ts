// Keyboard focus on the map: which card, department or link has it. The canvas attaches the
// implementation while it is mounted (canvas/Canvas.tsx), as it does for the viewport, so actions
// (delete, the arrow keys, Escape) can put focus back on the map without depending on React Flow.
export interface MapFocus {
  /**
   * Moves keyboard focus to a card, department or link, bringing it on screen first. With
   * `select`, it becomes the selection as well (focus selects); without, focus only lands there.
   * With `move: false` the view is left alone (an animation is already taking it there): focus
   * lands once the card is drawn.
   */
  focusItem(id: string, options?: { select?: boolean; move?: boolean }): void;
  /** Focus on the canvas itself (nothing on it selected). */
  focusCanvas(): void;
  /** The card, department or link that has keyboard focus now, if any. */
  focused(): string | null;
}

let attached: MapFocus | null = null;

/** Called by the canvas when it mounts (with its implementation) and unmounts (with null). */
export function attachMapFocus(next: MapFocus | null): void {
  attached = next;
}

export const mapFocus = {
  focusItem: (id: string, options?: { select?: boolean; move?: boolean }): void => attached?.focusItem(id, options),
  focusCanvas: (): void => attached?.focusCanvas(),
  focused: (): string | null => attached?.focused() ?? null,
};
