// The hash that chains the audit trail: SHA-256 over an entry's canonical JSON, previous hash
// included. Pure, and fixed for ever: a change here would break every trail already written.
import { createHash } from 'node:crypto';

/** What the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The JSON values an audit entry can carry. */
export type AuditJson = string | number | boolean | null | AuditJson[] | { [key: string]: AuditJson | undefined };

/** The fields the hash covers: the whole entry but the hash itself. */
export interface HashedEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: { [key: string]: AuditJson | undefined };
  prevHash: string;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * JSON with object keys sorted and no whitespace; keys whose value is undefined are left out.
 * Refuses what would not read back the same from the stored text (NaN, Infinity, undefined in an
 * array, Dates, class instances, bigints): verifying re-hashes what was stored, so the stored
 * text and the hashed text must be one and the same.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`audit details cannot hold ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((item) => {
        if (item === undefined) throw new TypeError('audit details cannot hold undefined in an array');
        return canonicalJson(item);
      })
      .join(',')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => byCodeUnit(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(
    `audit details cannot hold a ${value === undefined ? 'bare undefined' : typeof value === 'object' ? (value.constructor?.name ?? 'non-plain object') : typeof value}`,
  );
}

/** SHA-256 (hex) of the entry's canonical JSON, which names the previous entry's hash. */
export function auditHash(entry: HashedEntry): string {
  const { seq, at, actor, action, target, details, prevHash } = entry;
  return createHash('sha256').update(canonicalJson({ seq, at, actor, action, target, details, prevHash })).digest('hex');
}
