// Picks how many of the toolbar's button labels to show so that the bar stays on one row: the map's
// name, the language and the save or share status all change its width, so fixed breakpoints either
// wrap the bar (a second row taken from the map on a projector) or hide labels there was room for.
import { useLayoutEffect, type RefObject } from 'react';

/**
 * Density levels, applied as `data-density` on the toolbar (see Toolbar.css):
 * 0 every label; 1 the secondary buttons' labels go; 2 also the compact and end-group labels;
 * 3 icons only. The lowest level whose buttons fit on one row wins; at 3 the bar may still wrap.
 */
export const TOOLBAR_DENSITIES = 4;

/** True when the bar's direct children sit on more than one row. */
function wraps(bar: HTMLElement): boolean {
  const tops = [...bar.children].map((child) => (child as HTMLElement).offsetTop);
  const first = Math.min(...tops);
  const childHeight = Math.min(...[...bar.children].map((child) => (child as HTMLElement).offsetHeight));
  return tops.some((top) => top - first >= childHeight);
}

/** The bar's and its parts' widths, in order: what the fit depends on. */
const widthsOf = (bar: HTMLElement): string => [bar, ...bar.children].map((element) => (element as HTMLElement).offsetWidth).join(' ');

/** The widths each bar had when it was last fitted. */
const fittedAt = new WeakMap<HTMLElement, string>();

function fit(bar: HTMLElement) {
  for (let level = 0; level < TOOLBAR_DENSITIES; level++) {
    // Written only when it changes: each write makes the browser lay the page out again before
    // the next read, and on opening a map that second layout took as long as the first (all the cards).
    if (bar.dataset.density !== String(level)) bar.dataset.density = String(level);
    if (!wraps(bar)) break;
  }
  fittedAt.set(bar, widthsOf(bar));
}

/**
 * Fits again unless every width is what the last fit left. A ResizeObserver reports each element
 * once when it starts observing, and again after the fit's own changes of level: without this,
 * opening a map tried every level three times over, a layout of the whole page for each.
 */
function refit(bar: HTMLElement) {
  if (fittedAt.get(bar) !== widthsOf(bar)) fit(bar);
}

/** Keeps `ref`'s toolbar on one row while its width or any of its parts' widths change. */
export function useToolbarDensity(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    fit(bar);
    // Re-fit when the window or a part changes size (a longer status, a name edited, another
    // language); the sizes a fit leaves behind itself do not start another (refit).
    const observer = new ResizeObserver(() => refit(bar));
    observer.observe(bar);
    for (const child of bar.children) observer.observe(child);
    const children = new MutationObserver(() => {
      for (const child of bar.children) observer.observe(child);
      fit(bar);
    });
    children.observe(bar, { childList: true });
    return () => {
      observer.disconnect();
      children.disconnect();
    };
  }, [ref]);
}
