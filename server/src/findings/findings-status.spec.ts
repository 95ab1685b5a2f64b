import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import {
  NOW,
  EXCL_ALIPAY,
  reportFebruary,
  list,
  fingerprints,
  findingBy,
  detail,
  setStatus,
  readNextAsStale,
} from '../test/findings-kit.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('changing a finding’s status', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let id: number;
  beforeEach(async () => {
    app = await startTestApp({ now: NOW });
    await reportFebruary(app);
    analyst = await app.as('analyst');
    ({ id } = await findingBy(analyst, EXCL_ALIPAY));
  });
  afterEach(() => app.close());

  it('moves a finding from open to acknowledged, confirmed and, with a note, resolved, recording who did each', async () => {
    expect(await setStatus(analyst, id, 'acknowledged')).toMatchObject({
      status: 'acknowledged',
      allowedTransitions: ['confirmed', 'dismissed'],
    });
    const admin = await app.as('admin');
    expect(await setStatus(admin, id, 'confirmed', 'The agreement text bars other acquirers.')).toMatchObject({
      status: 'confirmed',
      allowedTransitions: ['resolved'],
    });
    const resolved = await setStatus(analyst, id, 'resolved', 'Alipay ended the agreement in writing.');
    expect(resolved).toMatchObject({ status: 'resolved', allowedTransitions: [] });
    expect(resolved.history.map(({ actor, from, to, note }) => ({ actor, from, to, note }))).toEqual([
      { actor: 'system', from: null, to: 'open', note: 'EXCL-001 holds in 2021-02' },
      { actor: 'analyst', from: 'open', to: 'acknowledged', note: null },
      { actor: 'admin', from: 'acknowledged', to: 'confirmed', note: 'The agreement text bars other acquirers.' },
      { actor: 'analyst', from: 'confirmed', to: 'resolved', note: 'Alipay ended the agreement in writing.' },
    ]);
    expect(fingerprints(await list(analyst, 'status=resolved'))).toEqual([EXCL_ALIPAY]);
  });

  it('answers 422 NOTE_REQUIRED to a resolution without a note, and leaves the finding confirmed', async () => {
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'confirmed');
    const res = await analyst.patch(`/api/v1/findings/${id}`, { status: 'resolved' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'NOTE_REQUIRED', path: '$.note' })]);
    const blank = await analyst.patch(`/api/v1/findings/${id}`, { status: 'resolved', note: '   ' });
    expect(blank.status).toBe(422);
    expect(blank.body.errors[0].code).toBe('NOTE_REQUIRED');
    const after = await detail(analyst, id);
    expect(after.status).toBe('confirmed');
    expect(after.history).toHaveLength(3);
  });

  it('dismisses an acknowledged finding only with a note, and lets a dismissed finding be opened again', async () => {
    await setStatus(analyst, id, 'acknowledged');
    const bare = await analyst.patch(`/api/v1/findings/${id}`, { status: 'dismissed' });
    expect(bare.status).toBe(422);
    expect(bare.body.errors[0].code).toBe('NOTE_REQUIRED');
    expect((await detail(analyst, id)).status).toBe('acknowledged');
    const dismissed = await setStatus(analyst, id, 'dismissed', 'The clause was never applied.');
    expect(dismissed).toMatchObject({ status: 'dismissed', allowedTransitions: ['open'] });
    expect(dismissed.history.at(-1)).toMatchObject({
      actor: 'analyst',
      from: 'acknowledged',
      to: 'dismissed',
      note: 'The clause was never applied.',
    });
    expect((await setStatus(analyst, id, 'open')).status).toBe('open');
  });

  it('answers 409 ILLEGAL_TRANSITION to a move the status machine does not allow, changing nothing', async () => {
    for (const status of ['confirmed', 'dismissed', 'resolved', 'open']) {
      const res = await analyst.patch(`/api/v1/findings/${id}`, { status, note: 'Trying.' });
      expect(res.status, status).toBe(409);
      expect(res.body.code).toBe('ILLEGAL_TRANSITION');
    }
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'confirmed');
    await setStatus(analyst, id, 'resolved', 'Fixed.');
    const reopen = await analyst.patch(`/api/v1/findings/${id}`, { status: 'open' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.detail).toBe('A finding that is resolved cannot become open.');
    const after = await detail(analyst, id);
    expect(after.status).toBe('resolved');
    expect(after.history).toHaveLength(4);
  });

  it('answers 409 STATUS_CHANGED, changing nothing, when another analyst changed the status after the finding was read', async () => {
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(await app.as('admin'), id, 'dismissed', 'The clause was never applied.');
    // This request read the finding while it was still acknowledged, before the dismissal.
    readNextAsStale(app, id, 'acknowledged');
    const res = await analyst.patch(`/api/v1/findings/${id}`, { status: 'confirmed' });
    expect(res.status, res.text).toBe(409);
    expect(res.body.code).toBe('STATUS_CHANGED');
    const after = await detail(analyst, id);
    expect(after.status).toBe('dismissed');
    expect(after.history.map(({ actor, from, to }) => [actor, from, to])).toEqual([
      ['system', null, 'open'],
      ['analyst', 'open', 'acknowledged'],
      ['admin', 'acknowledged', 'dismissed'],
    ]);
  });

  it('answers 403 to auditors and to institutions that are subjects of the finding, changing nothing', async () => {
    for (const username of ['auditor', 'alipay', 'unionpay']) {
      const res = await (await app.as(username)).patch(`/api/v1/findings/${id}`, { status: 'acknowledged' });
      expect(res.status, username).toBe(403);
    }
    const after = await detail(analyst, id);
    expect(after.status).toBe('open');
    expect(after.history).toHaveLength(1);
  });

  it('answers 422 to an unknown status or an unknown field, and 404 to a missing finding', async () => {
    const unknownStatus = await analyst.patch(`/api/v1/findings/${id}`, { status: 'closed' });
    expect(unknownStatus.status).toBe(422);
    expect(unknownStatus.body.errors[0]).toMatchObject({ code: 'BAD_VALUE', path: '$.status' });
    const unknownField = await analyst.patch(`/api/v1/findings/${id}`, { status: 'acknowledged', severity: 'low' });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.errors[0]).toMatchObject({ code: 'UNKNOWN_FIELD', path: '$.severity' });
    expect((await analyst.patch('/api/v1/findings/999999', { status: 'acknowledged' })).status).toBe(404);
    expect((await detail(analyst, id)).status).toBe('open');
  });
});
