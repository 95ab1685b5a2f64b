// The audit trail in the database. Entries are only ever appended, inside the transaction of the
// write they record; there is deliberately no function here that changes or removes one.
import { sql, type Transaction } from 'kysely';
import type { AuditAction, AuditEntry, AuditFilters, AuditListQuery } from '../contract/audit.js';
import type { Db } from '../db/database.js';
import type { AuditLogRow, Database } from '../db/schema.js';
import { wellFormed, wellFormedJson } from '../text/well-formed-text.js';
import { auditHash, canonicalJson, GENESIS_HASH, type AuditJson } from './audit-hash.js';

export interface NewAuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  target: string;
  /** What changed; never a password, key, token or a hash of one. */
  details?: { [key: string]: AuditJson | undefined };
}

export function toAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    target: row.target,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Appends an entry at the head of the chain, in the caller's transaction: the entry is committed
 * with the write it records, or not at all. Transactions begin IMMEDIATE (db/database.ts), so the
 * head read here is still the head when the entry is inserted; the primary key on seq and the
 * append trigger refuse anything else.
 */
export async function appendAudit(trx: Transaction<Database>, entry: NewAuditEntry): Promise<AuditEntry> {
  if (!trx.isTransaction) throw new Error('appendAudit runs inside the transaction of the write it records');
  const head = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  // Text as storage keeps it (a lone surrogate becomes U+FFFD), so the hash covers what is stored.
  const details = wellFormedJson(entry.details ?? {});
  const storedDetails = canonicalJson(details);
  const fields = {
    seq: (head?.seq ?? 0) + 1,
    at: entry.at,
    actor: wellFormed(entry.actor),
    action: entry.action,
    target: wellFormed(entry.target),
    details,
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(fields);
  await trx
    .insertInto('audit_log')
    .values({
      seq: fields.seq,
      at: fields.at,
      actor: fields.actor,
      action: fields.action,
      target: fields.target,
      details: storedDetails,
      prev_hash: fields.prevHash,
      hash,
    })
    .execute();
  return { ...fields, details: JSON.parse(storedDetails) as Record<string, unknown>, hash };
}

/** An entry that is the whole write (a rejected report, a failed login, an export): its own transaction. */
export function recordAudit(db: Db, entry: NewAuditEntry): Promise<AuditEntry> {
  return db.transaction().execute((trx) => appendAudit(trx, entry));
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** Entries are stored with toISOString(): filters become the same form, and compare as text. */
function filtered(db: Db, f: AuditFilters) {
  let q = db.selectFrom('audit_log');
  if (f.from) q = q.where('at', '>=', new Date(f.from.length === 10 ? `${f.from}T00:00:00Z` : f.from).toISOString());
  if (f.to) q = f.to.length === 10 ? q.where('at', '<', nextDay(f.to)) : q.where('at', '<=', new Date(f.to).toISOString());
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.action) q = q.where('action', 'in', f.action);
  if (f.target) q = q.where('target', '=', f.target);
  if (f.excludeAction) q = q.where('action', 'not in', f.excludeAction);
  return q;
}

export async function listAudit(db: Db, query: AuditListQuery): Promise<{ items: AuditEntry[]; total: number }> {
  const base = filtered(db, query);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('seq', query.sort === 'seq' ? 'asc' : 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toAuditEntry), total: Number(n) };
}

/** Successful logins since `since` (ISO time), oldest first: who, when, and the details naming the address. */
export async function loginsSince(db: Db, since: string): Promise<{ at: string; actor: string; details: string }[]> {
  return db
    .selectFrom('audit_log')
    .select(['at', 'actor', 'details'])
    .where('action', '=', 'auth.login')
    .where('at', '>=', since)
    .orderBy('seq')
    .execute();
}

/** Up to `limit` entries matching the filters after `afterSeq`, in order: one page of an export. */
export async function filteredAuditAfter(db: Db, filters: AuditFilters, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const rows = await filtered(db, filters).selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map(toAuditEntry);
}

/**
 * Entries of the given actions whose details name this file hash (exports, certificates), oldest
 * first: served by audit_log_by_file_sha256.
 */
export async function auditEntriesOfFile(db: Db, actions: readonly AuditAction[], sha256: string, limit: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where(sql<string>`json_extract(details, '$.sha256')`, '=', sha256)
    .where('action', 'in', actions)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toAuditEntry);
}

/** The last time each file hash was exported (findings exports), for the store's retention. */
export async function lastExportOfFiles(db: Db, sha256s: readonly string[]): Promise<Map<string, string>> {
  if (sha256s.length === 0) return new Map();
  const fileHash = sql<string>`json_extract(details, '$.sha256')`;
  const rows = await db
    .selectFrom('audit_log')
    .select([fileHash.as('sha256'), (eb) => eb.fn.max('at').as('at')])
    .where(fileHash, 'in', sha256s)
    .where('action', '=', 'export.findings')
    .groupBy(fileHash)
    .execute();
  return new Map(rows.map((r) => [r.sha256, String(r.at)]));
}

export async function findAuditEntry(db: Db, seq: number): Promise<AuditEntry | undefined> {
  const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst();
  return row && toAuditEntry(row);
}

/** The highest seq now (0 for an empty trail). */
export async function auditHeadSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Up to `limit` stored rows after `afterSeq` and up to `lastSeq`, in order: one page of the chain. */
export async function auditRowsAfter(db: Db, afterSeq: number, lastSeq: number, limit: number): Promise<AuditLogRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('seq', '<=', lastSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/**
 * An entry's actor and target as the bytes SQLite holds: for entries written before text was made
 * well-formed these may encode lone surrogates, which reading them as text turns into U+FFFD.
 */
export async function auditTextBytes(db: Db, seq: number): Promise<{ actor: Uint8Array; target: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .select([sql<Uint8Array>`cast(actor as blob)`.as('actor'), sql<Uint8Array>`cast(target as blob)`.as('target')])
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row;
}
