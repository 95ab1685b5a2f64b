import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../contract/audit.js';
import type { ApiClient } from '../test/api-client.js';
import { GUANGZHOU, NOW, caseDetail, caseOf, reportCases } from '../test/cases-kit.js';
import { detail } from '../test/findings-kit.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

async function auditOf(app: TestApp, target: string): Promise<AuditEntry[]> {
  const res = await (await app.as('auditor')).get<{ items: AuditEntry[] }>('/api/v1/audit?action=finding.status&pageSize=200');
  expect(res.status, res.text).toBe(200);
  return res.body.items.filter((e) => e.target === target);
}

describe('acting on a case', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let caseId: string;
  let inGuangzhou: number;
  let others: number[];
  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await reportCases(app);
    analyst = await app.as('analyst');
    caseId = (await caseOf(analyst, 'CONS-001')).id;
    const findings = (await caseDetail(analyst, caseId)).findings.items;
    inGuangzhou = findings.find((f) => f.city === GUANGZHOU)!.id;
    others = findings.filter((f) => f.city !== GUANGZHOU).map((f) => f.id);
  });
  afterAll(() => app.close());

  it('moves each finding for which the transition is legal, says which did not move and why, with a history entry per finding and one audit entry', async () => {
    expect((await analyst.patch(`/api/v1/findings/${inGuangzhou}`, { status: 'acknowledged' })).status).toBe(200);
    const confirming = await analyst.patch(`/api/v1/cases/${caseId}`, { status: 'confirmed', note: 'ICBC’s declaration checked on site' });
    expect(confirming.status, confirming.text).toBe(200);
    expect(confirming.body).toEqual({ moved: 1, unchanged: others.map((id) => ({ id, reason: 'ILLEGAL_TRANSITION' })) });

    const acknowledging = await analyst.patch(`/api/v1/cases/${caseId}`, { status: 'acknowledged' });
    expect(acknowledging.body).toEqual({ moved: 2, unchanged: [{ id: inGuangzhou, reason: 'ILLEGAL_TRANSITION' }] });
    expect((await analyst.patch(`/api/v1/cases/${caseId}`, { status: 'acknowledged' })).body).toEqual({
      moved: 0,
      unchanged: [...others.map((id) => ({ id, reason: 'SAME_STATUS' })), { id: inGuangzhou, reason: 'ILLEGAL_TRANSITION' }].sort(
        (a, b) => a.id - b.id,
      ),
    });

    expect((await caseOf(analyst, 'CONS-001')).statuses).toEqual({ open: 0, acknowledged: 2, confirmed: 1, dismissed: 0, resolved: 0 });
    expect((await detail(analyst, inGuangzhou)).history.slice(-2).map((h) => [h.actor, h.from, h.to, h.note])).toEqual([
      ['analyst', 'open', 'acknowledged', null],
      ['analyst', 'acknowledged', 'confirmed', 'ICBC’s declaration checked on site'],
    ]);
    for (const id of others)
      expect((await detail(analyst, id)).history.slice(-1).map((h) => [h.actor, h.from, h.to])).toEqual([
        ['analyst', 'open', 'acknowledged'],
      ]);

    const entries = await auditOf(app, `case:${caseId}`);
    expect(entries.map((e) => e.details)).toEqual([
      { to: 'acknowledged', note: null, statusChanges: others.map((id) => [id, 'open', 'acknowledged']) },
      { to: 'confirmed', note: 'ICBC’s declaration checked on site', statusChanges: [[inGuangzhou, 'acknowledged', 'confirmed']] },
    ]);
    expect((await caseDetail(analyst, caseId)).allowedTransitions).toEqual(['confirmed', 'dismissed', 'resolved']);
  });

  it('answers 422 NOTE_REQUIRED to a dismissal without a note and 422 to an unknown field, changing nothing', async () => {
    const before = await caseOf(analyst, 'CONS-001');
    const noNote = await analyst.patch(`/api/v1/cases/${caseId}`, { status: 'dismissed', note: '  ' });
    expect(noNote.status).toBe(422);
    expect(noNote.body.errors[0]).toMatchObject({ code: 'NOTE_REQUIRED', path: '$.note' });
    const extra = await analyst.patch(`/api/v1/cases/${caseId}`, { status: 'acknowledged', assignee: 'me' });
    expect(extra.status).toBe(422);
    expect(extra.body.errors[0].code).toBe('UNKNOWN_FIELD');
    expect(await caseOf(analyst, 'CONS-001')).toEqual(before);
  });

  it('stores nothing when one finding of the case cannot be written: no status, no history, no audit entry', async () => {
    const before = await caseOf(analyst, 'CONS-001');
    const auditBefore = (await auditOf(app, `case:${caseId}`)).length;
    const [first, last] = [Math.min(...others), Math.max(...others)];
    const historyBefore = (await detail(analyst, first)).history.length;
    // The last finding's history entry fails, after the first one's was written.
    await sql`create trigger refuse_history before insert on finding_history when new.finding_id = ${sql.lit(last)} begin select raise(abort, 'disk says no'); end`.execute(
      app.ctx.db,
    );
    try {
      const res = await analyst.patch(`/api/v1/cases/${caseId}`, { status: 'dismissed', note: 'ICBC withdrew its declaration' });
      expect(res.status).toBe(500);
    } finally {
      await sql`drop trigger refuse_history`.execute(app.ctx.db);
    }
    expect(await caseOf(analyst, 'CONS-001')).toEqual(before);
    expect((await detail(analyst, first)).history).toHaveLength(historyBefore);
    expect(await auditOf(app, `case:${caseId}`)).toHaveLength(auditBefore);
    const audit = await (await app.as('auditor')).get('/api/v1/audit/verify');
    expect(audit.body.ok).toBe(true);
  });
});
