// Reading one outside record field by field for restore.ts: each reader returns a value the map
// can hold (or a default) and notes what it repaired. Kept apart so restore.ts reads as the steps
// of a restore, and this as the rules for a single field.
import { t } from '../i18n';
import type { Catalogue } from '../i18n/en';
import { withinCanvas } from './bounds';
import {
  BUYING_ROLES,
  type BuyingRole,
  type CrmOrigin,
  type CrmSeen,
  type Position,
} from './types';

/** What a record without a usable name is called, in the language of the repair. */
export const noName = (): string => t('restore.noName');

export type Raw = Record<string, unknown>;

export const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

type RepairKey = keyof Catalogue['restore']['repair'];
/** A field named in a repair: its word is `restore.field.<name>`. */
export type FieldName = keyof Catalogue['restore']['field'];
/** A kind of record named in a repair: its word is `restore.kind.<name>`. */
export type RecordKind = keyof Catalogue['restore']['kind'];
type RepairValues = { field?: FieldName; kind?: RecordKind; name?: string; value?: string };

/**
 * Collects repairs and reports each kind once, with the ids it touched, so a badly damaged file
 * gives a short report. Each is kept as a key and its values and put into words by `list()`, in
 * the language shown then (the CSV worker and the page both switch language before restoring).
 */
export class Repairs {
  private groups = new Map<string, { key: RepairKey; values: RepairValues; ids: string[] }>();

  note(key: RepairKey, id?: string, values: RepairValues = {}): void {
    const group = `${key}\u0000${JSON.stringify(values)}`;
    const entry = this.groups.get(group) ?? { key, values, ids: [] };
    entry.ids.push(id ?? '');
    this.groups.set(group, entry);
  }

  list(): string[] {
    const result: string[] = [];
    for (const { key, values, ids } of this.groups.values()) {
      const { field, kind, ...rest } = values;
      const message = t(`restore.repair.${key}`, {
        ...rest,
        ...(field ? { field: t(`restore.field.${field}`) } : {}),
        ...(kind ? { kind: t(`restore.kind.${kind}`) } : {}),
      });
      const named = ids.filter(Boolean);
      const times = ids.length > 1 ? t('restore.times', { count: ids.length }) : '';
      const first = named.slice(0, 3).join(', ');
      const shown = named.length > 3 ? t('restore.more', { list: first, count: named.length - 3 }) : first;
      result.push(`${message}${times}${shown ? ` (${shown})` : ''}.`);
    }
    return result;
  }
}

/** Reads the fields of one raw record, falling back to defaults and noting every value it had to change. */
export class FieldReader {
  constructor(
    private readonly repairs: Repairs,
    private readonly raw: Raw,
    private readonly id: string,
  ) {}

  /** Plain text: numbers and booleans become text, anything else the fallback. Never parsed as HTML. */
  text(key: FieldName, fallback = ''): string {
    const value = this.raw[key];
    if (typeof value === 'string') return value;
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    this.repairs.note('unreadableField', this.id, { field: key });
    return fallback;
  }

  name(kind: RecordKind): string {
    const value = this.raw.name;
    if (typeof value === 'string' && value.trim()) return value;
    if (typeof value === 'number') return String(value);
    const name = noName();
    this.repairs.note('noName', this.id, { kind, name });
    return name;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T, what: FieldName): T {
    const value = this.raw[key];
    if (allowed.includes(value as T)) return value as T;
    // A missing field is filled silently (older or hand-written files); a wrong one is reported.
    if (value !== undefined) this.repairs.note('unknownValue', this.id, { field: what, value: fallback });
    return fallback;
  }

  /** Like oneOf, for a value that may be unset: missing or null stays null, a wrong one is cleared and reported. */
  oneOfOrNull<T extends string>(key: string, allowed: readonly T[], what: FieldName): T | null {
    const value = this.raw[key];
    if (value === undefined || value === null) return null;
    if (allowed.includes(value as T)) return value as T;
    this.repairs.note('unknownCleared', this.id, { field: what });
    return null;
  }

  /** Where an imported person came from: an object of texts, or null. Anything else is cleared. */
  crm(): CrmOrigin | null {
    const value = this.raw.crm;
    if (value === undefined || value === null) return null;
    const texts = isObject(value) && ['file', 'id', 'importedAt', 'system'].every((key) => value[key] === undefined || typeof value[key] === 'string');
    if (!texts || !isObject(value)) {
      this.repairs.note('unreadableCrm', this.id);
      return null;
    }
    const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '');
    const { account, seen, ...rest } = value;
    const known = readSeen(seen);
    return {
      ...(typeof account === 'string' && account ? { account } : {}),
      ...rest,
      ...(known ? { seen: known } : {}),
      file: text('file'),
      id: text('id'),
      importedAt: text('importedAt'),
      system: text('system'),
    };
  }

  flag(key: FieldName): boolean {
    const value = this.raw[key];
    if (typeof value === 'boolean') return value;
    if (value !== undefined && value !== null) this.repairs.note('resetUnreadable', this.id, { field: key });
    return false;
  }

  number(value: unknown, fallback: number, what: FieldName): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() && Number.isFinite(Number(value))) return Number(value);
    if (value !== undefined) this.repairs.note('resetUnreadable', this.id, { field: what });
    return fallback;
  }

  position(): Position {
    const p = isObject(this.raw.position) ? this.raw.position : {};
    if (this.raw.position !== undefined && !isObject(this.raw.position)) this.repairs.note('resetUnreadable', this.id, { field: 'position' });
    return { x: this.coordinate(p.x, 'position'), y: this.coordinate(p.y, 'position') };
  }

  /** Within the canvas's reach (domain/bounds.ts); else the fallback: a card's parent's corner, the default size. */
  coordinate(value: unknown, what: FieldName, fallback = 0): number {
    const read = this.number(value, fallback, what);
    if (!withinCanvas(read)) this.repairs.note('farOutside', this.id, { field: what });
    return withinCanvas(read) ? read : fallback;
  }

  /** An ISO date (YYYY-MM-DD); a full timestamp is cut to its date. */
  date(key: string): string | null {
    const value = this.raw[key];
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10)))) {
      return value.slice(0, 10);
    }
    this.repairs.note('unreadableField', this.id, { field: 'date' });
    return null;
  }

  reference(key: string): string | null {
    const value = this.raw[key];
    return typeof value === 'string' && value ? value : null;
  }

  strings(key: string): string[] {
    const value = this.raw[key];
    if (typeof value === 'string') return value ? [value] : [];
    if (!Array.isArray(value)) return [];
    return value.filter((item): item is string => typeof item === 'string');
  }

  roles(): BuyingRole[] {
    const value = this.raw.roles;
    const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    const valid = [...new Set(list.filter((role): role is BuyingRole => BUYING_ROLES.includes(role)))];
    const unknown = list.filter((role) => !BUYING_ROLES.includes(role));
    if (unknown.length || (value !== undefined && value !== null && typeof value !== 'string' && !Array.isArray(value))) {
      this.repairs.note('unknownRole', this.id);
    }
    return valid;
  }
}

/** What the CRM said at the last import: its text fields; anything else is dropped (a re-import then compares two ways). */
function readSeen(value: unknown): CrmSeen | undefined {
  if (!isObject(value)) return undefined;
  const seen: CrmSeen = {};
  for (const key of ['department', 'manager', 'title'] as const) if (typeof value[key] === 'string') seen[key] = value[key] as string;
  return Object.keys(seen).length > 0 ? seen : undefined;
}
