// What a crash or a shutdown must leave behind, read straight from the database file.
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'vitest';
import { verifyAuditTrail } from '../audit/service.js';
import { openDatabase } from '../db/database.js';

/** Every invariant a crash must not break, read straight from the file. */
export async function expectConsistent(dbPath: string): Promise<{ reports: number; findings: number }> {
  const raw = new BetterSqlite3(dbPath, { readonly: true });
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const q = (sql: string) => raw.prepare(sql).all();
    expect(
      q(`select r.id from reports r where r.links_count <> (select count(*) from report_links l where l.report_id = r.id)
               or r.agreements_count <> (select count(*) from report_agreements a where a.report_id = r.id)`),
      'half-stored reports',
    ).toEqual([]);
    expect(
      q(
        `select r.id from reports r where not exists (select 1 from audit_log a where a.action = 'report.accepted' and a.target = 'report:' || r.id)`,
      ),
      'reports without their audit entry',
    ).toEqual([]);
    const reportIds = new Set((q('select id from reports') as { id: number }[]).map((r) => r.id));
    const findings = q('select id, evidence from findings') as { id: number; evidence: string }[];
    const dangling = findings.filter((f) =>
      (JSON.parse(f.evidence) as { reportId?: number }[]).some((e) => e.reportId !== undefined && !reportIds.has(e.reportId)),
    );
    expect(
      dangling.map((f) => f.id),
      'findings citing a missing report',
    ).toEqual([]);
    const result = { reports: reportIds.size, findings: findings.length };
    raw.close();
    const database = openDatabase(dbPath);
    expect(await verifyAuditTrail(database.db)).toMatchObject({ ok: true });
    await database.close();
    return result;
  } finally {
    if (raw.open) raw.close();
  }
}
