// Ids are random UUIDs with a readable prefix, so a stored record or an exported file says what it is.
export type IdPrefix = 'map' | 'dep' | 'stk' | 'lnk' | 'tm' | 'snap';

export function createId(prefix: IdPrefix): string {
  return `${prefix}_${crypto.randomUUID()}`;
}
