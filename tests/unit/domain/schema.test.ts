import { describe, expect, it } from 'vitest';
import { accountMapSchema, stakeholderSchema } from '../../../src/domain/schema';
import { smallMap } from '../fixtures/maps';

// The schema is restore's last check before a map reaches the editor: what it must refuse, and
// that a refusal says where and why (restore shows both).
describe('the document schema', () => {
  const person = () => structuredClone(Object.values(smallMap().stakeholders)[0]);

  it('accepts a whole map, and fields it does not know', () => {
    const map = smallMap();
    expect(accountMapSchema.safeParse(map).success).toBe(true);
    expect(stakeholderSchema.safeParse({ ...person(), addedByANewerVersion: 1 }).success).toBe(true);
  });

  it.each([
    ['an empty name', { name: '' }, ['name']],
    ['a position at infinity', { position: { x: Infinity, y: 0 } }, ['position', 'x']],
    ['a position that is not a number', { position: { x: Number.NaN, y: 0 } }, ['position', 'x']],
    ['a date in another format', { lastContact: '1 May 2026' }, ['lastContact']],
    ['an unknown stance', { stance: 'hostile' }, ['stance']],
    ['a CRM origin without its file', { crm: { id: '1', importedAt: '', system: 'x' } }, ['crm', 'file']],
  ])('refuses %s, naming the field and the reason', (_, change, path) => {
    const checked = stakeholderSchema.safeParse({ ...person(), ...change });
    expect(checked.success).toBe(false);
    const issue = checked.error!.issues[0];
    expect(issue.path).toEqual(path);
    expect(issue.message).not.toBe('');
    expect(issue.message).not.toBe('Invalid input');
  });

  it('refuses a department of no size', () => {
    const map = smallMap();
    const department = Object.values(map.departments)[0];
    department.size = { width: 0, height: 100 };
    expect(accountMapSchema.safeParse(map).success).toBe(false);
  });
});
