import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../contract/audit.js';
import type { ApiClient } from '../test/api-client.js';
import { NOW, caseDetail, caseOf, reportCases } from '../test/cases-kit.js';
import { detail } from '../test/findings-kit.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('commenting on a case', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let caseId: string;
  let findingIds: number[];
  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await reportCases(app);
    analyst = await app.as('analyst');
    caseId = (await caseOf(analyst, 'CONS-001')).id;
    findingIds = (await caseDetail(analyst, caseId)).findings.items.map((f) => f.id);
  });
  afterAll(() => app.close());

  it('stores the comment once, shows it on the case and on each of its findings, and audits it once', async () => {
    const asked = await analyst.post(`/api/v1/cases/${caseId}/comments`, { text: 'Why does Alipay leave these links out?' });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body).toEqual({
      comment: {
        id: expect.any(Number),
        at: NOW.toISOString(),
        author: 'analyst',
        role: 'analyst',
        institution: null,
        text: 'Why does Alipay leave these links out?',
      },
      findings: 3,
    });
    const replied = await (await app.as('alipay')).post(`/api/v1/cases/${caseId}/comments`, { text: '  ICBC never went live with us.  ' });
    expect(replied.status, replied.text).toBe(201);
    expect(replied.body.comment).toMatchObject({
      author: 'alipay',
      role: 'institution',
      institution: 'alipay',
      text: 'ICBC never went live with us.',
    });

    expect((await caseDetail(analyst, caseId)).comments.map((c) => [c.author, c.text])).toEqual([
      ['analyst', 'Why does Alipay leave these links out?'],
      ['alipay', 'ICBC never went live with us.'],
    ]);
    for (const id of findingIds)
      expect((await detail(analyst, id)).comments.map((c) => c.id)).toEqual([asked.body.comment.id, replied.body.comment.id]);

    const trail = await (await app.as('auditor')).get<{ items: AuditEntry[] }>('/api/v1/audit?action=finding.comment');
    expect(trail.body.items.filter((e) => e.target === `case:${caseId}`).map((e) => [e.actor, e.details])).toEqual([
      ['alipay', { commentId: replied.body.comment.id, text: 'ICBC never went live with us.', findings: 3 }],
      ['analyst', { commentId: asked.body.comment.id, text: 'Why does Alipay leave these links out?', findings: 3 }],
    ]);
  });

  it('keeps one subject’s reply from the other subject, as on findings, and a finding’s own comments off the case', async () => {
    const onOne = await (await app.as('icbc')).post(`/api/v1/findings/${findingIds[0]}/comments`, { text: 'Only about Beijing' });
    expect(onOne.status).toBe(201);
    const icbc = await app.as('icbc');
    expect((await caseDetail(icbc, caseId)).comments.map((c) => c.author)).toEqual(['analyst']);
    expect((await detail(icbc, findingIds[1])).comments.map((c) => c.author)).toEqual(['analyst']);
    expect((await detail(icbc, findingIds[0])).comments.map((c) => c.author)).toEqual(['analyst', 'icbc']);
    expect((await caseDetail(analyst, caseId)).comments.map((c) => c.author)).toEqual(['analyst', 'alipay']);
  });

  it('answers 403 to an auditor and 422 EMPTY_COMMENT to a blank comment, storing nothing', async () => {
    expect((await (await app.as('auditor')).post(`/api/v1/cases/${caseId}/comments`, { text: 'Seen' })).status).toBe(403);
    const blank = await analyst.post(`/api/v1/cases/${caseId}/comments`, { text: '  ' });
    expect(blank.status).toBe(422);
    expect(blank.body.errors[0]).toMatchObject({ code: 'EMPTY_COMMENT', path: '$.text' });
    expect((await caseDetail(analyst, caseId)).comments).toHaveLength(2);
  });
});

describe('commenting on cases in quick succession', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ now: NOW, env: { COMMENTS_PER_HOUR: '2' } });
    await reportCases(app);
  });
  afterAll(() => app.close());

  it('counts case and finding comments against the same COMMENTS_PER_HOUR, answering 429 COMMENT_RATE_LIMITED beyond', async () => {
    const icbc = await app.as('icbc');
    const disputed = await caseDetail(icbc, (await caseOf(icbc, 'CONS-001')).id);
    expect((await icbc.post(`/api/v1/cases/${disputed.id}/comments`, { text: 'First' })).status).toBe(201);
    expect((await icbc.post(`/api/v1/findings/${disputed.findings.items[0].id}/comments`, { text: 'Second' })).status).toBe(201);
    const third = await icbc.post(`/api/v1/cases/${disputed.id}/comments`, { text: 'Third' });
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('COMMENT_RATE_LIMITED');
    expect((await caseDetail(icbc, disputed.id)).comments.map((c) => c.text)).toEqual(['First']);
  });
});
