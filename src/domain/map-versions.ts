// Something worked out from a whole map (the far view's scene, every line's ends), kept per version
// of the map and language, and for a version one edit of a few people on, patched from the last
// one worked out instead of worked out again.
//
// Why: an edit makes a new version of the map, and each of these walks every record. On a
// 20,000-person map one stance set that way kept the main thread busy 145 to 196 ms.
import { currentLanguage } from '../i18n';
import { changedIds } from './table-changes';
import type { Steps } from './slices';
import type { AccountMap } from './types';

/**
 * Brings `before` (worked out for `from`) up to `map`, whose people table differs from `from`'s in
 * the `changed` ids only; null when it cannot (then `build` runs).
 */
export type Patch<V> = (before: V, from: AccountMap, map: AccountMap, changed: ReadonlySet<string>) => V | null;

/** True when `changed` people are in both versions: no one came or went. */
export const samePeople = (from: AccountMap, map: AccountMap, changed: ReadonlySet<string>): boolean =>
  [...changed].every((id) => Object.hasOwn(from.stakeholders, id) && Object.hasOwn(map.stakeholders, id));

/** How many versions worked out last are tried as a patch's start (the open map's, a snapshot's being compared with it, ...). */
const RECENT = 4;

/** `build` in steps (canvas/prepare.ts slices it while a large map opens), kept per map version and language, or `patch`ed. */
export function perMapVersion<V>(build: (map: AccountMap) => Steps<V>, patch: Patch<V>): (map: AccountMap) => Steps<V> {
  const known = new WeakMap<AccountMap, { language: string; value: V }>();
  let recent: WeakRef<AccountMap>[] = [];
  const patched = (map: AccountMap, language: string): V | null => {
    for (const ref of recent) {
      const from = ref.deref();
      const before = from && known.get(from);
      const changed = before?.language === language ? changedIds(from!.stakeholders, map.stakeholders) : null;
      if (changed) return patch(before!.value, from!, map, changed);
    }
    return null;
  };
  return function* prepare(map) {
    const language = currentLanguage();
    const hit = known.get(map);
    if (hit && hit.language === language) return hit.value;
    const value = patched(map, language) ?? (yield* build(map));
    known.set(map, { language, value });
    recent = [new WeakRef(map), ...recent.filter((ref) => ref.deref() !== undefined)].slice(0, RECENT);
    return value;
  };
}
