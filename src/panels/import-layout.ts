// Laying out what an import brings, shared by the CSV import and the re-import review. The layout
// code (dagre) is loaded only when an import runs.
import type { AccountMap } from '../domain/types';

/** Places the imported records: the whole new map, or only `only` (new people and departments) inside the open one. */
export async function laidOut(map: AccountMap, only: ReadonlySet<string> | null): Promise<AccountMap> {
  const { layoutMap } = await import('../layout/org-layout');
  return only ? layoutMap(map, { only }) : layoutMap(map);
}
