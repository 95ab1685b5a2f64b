// Shared by the findings specs: February 2021's reports that make the rules fire, and small readers of the findings API.
import type { KyselyPlugin, UnknownRow } from 'kysely';
import { expect } from 'vitest';
import type { AuditEntry } from '../contract/audit.js';
import type { Finding, FindingSummary } from '../contract/findings.js';
import type { ApiClient } from './api-client.js';
import { aLink, anAgreement, aReport, submitted } from './report-factory.js';
import type { TestApp } from './test-app.js';

// Early March 2021: February's reports are not due yet, so LATE-001 stays quiet.
export const NOW = new Date('2021-03-10T08:00:00Z');

export const EXCL_ALIPAY = 'EXCL-001|alipay|ALI-EX-1|unionpay';
export const EXCL_TENPAY = 'EXCL-001|tenpay|TEN-1|cmb';
export const RECIP_BEIJING = 'RECIP-001|unionpay|alipay|110000|mpm|offline';
export const CONS_GUANGZHOU = 'CONS-001|icbc|alipay|440100|mpm|offline';

/**
 * February 2021: Alipay signs an exclusive acceptance agreement with UnionPay and scans UnionPay's
 * codes in Beijing, which UnionPay confirms without scanning Alipay's (RECIP-001); WeChat Pay bars
 * competitors' codes in its agreement with CMB (EXCL-001); ICBC declares it scans Alipay's codes in
 * Guangzhou, which Alipay's report leaves out (CONS-001).
 */
export async function reportFebruary(app: TestApp) {
  const alipay = await submitted(
    await app.as('alipay'),
    aReport({
      institution: 'alipay',
      period: '2021-02',
      links: [aLink({ scanner: 'alipay', issuer: 'unionpay', city: '110000' })],
      agreements: [anAgreement({ ref: 'ALI-EX-1', counterparty: 'unionpay', kind: 'acceptance', exclusive: true, feeBps: null })],
    }),
  );
  const unionpay = await submitted(
    await app.as('unionpay'),
    aReport({
      institution: 'unionpay',
      period: '2021-02',
      links: [
        aLink({ scanner: 'unionpay', issuer: 'unionpay', city: '110000' }),
        aLink({ scanner: 'alipay', issuer: 'unionpay', city: '110000' }),
      ],
    }),
  );
  const tenpay = await submitted(
    await app.as('tenpay'),
    aReport({
      institution: 'tenpay',
      period: '2021-02',
      links: [],
      agreements: [anAgreement({ ref: 'TEN-1', counterparty: 'cmb', kind: 'acceptance', restrictions: ['no-competitor-codes'] })],
    }),
  );
  const icbc = await submitted(
    await app.as('icbc'),
    aReport({
      institution: 'icbc',
      period: '2021-02',
      links: [aLink({ scanner: 'icbc', issuer: 'alipay', city: '440100' })],
    }),
  );
  return { alipay, unionpay, tenpay, icbc };
}

export type List = { items: FindingSummary[]; total: number };

export async function list(client: ApiClient, query = ''): Promise<List> {
  const res = await client.get<List>(`/api/v1/findings${query ? `?${query}` : ''}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

export const fingerprints = (l: List) => l.items.map((f) => f.fingerprint);

/** The finding with this fingerprint, as the client sees it in the list. */
export async function findingBy(client: ApiClient, fingerprint: string): Promise<FindingSummary> {
  const found = (await list(client, `q=${encodeURIComponent(fingerprint)}`)).items.find((f) => f.fingerprint === fingerprint);
  if (!found) throw new Error(`no finding ${fingerprint}`);
  return found;
}

export async function detail(client: ApiClient, id: number): Promise<Finding> {
  const res = await client.get<Finding>(`/api/v1/findings/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

export async function setStatus(client: ApiClient, id: number, status: string, note?: string): Promise<Finding> {
  const res = await client.patch<Finding>(`/api/v1/findings/${id}`, note === undefined ? { status } : { status, note });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/**
 * Makes the next read of finding `id` (by the findings service or a rule run) see it as `status`,
 * as it was before someone else changed it: the write that follows then meets a change made between
 * its read and its write.
 */
export function readNextAsStale(app: TestApp, id: number, status: string): void {
  let pending = true;
  const staleRead: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    async transformResult({ result }) {
      const rows = result.rows.map((row: UnknownRow) => {
        if (!pending || row.id !== id || !('fingerprint' in row) || !('status' in row)) return row;
        pending = false;
        return { ...row, status };
      });
      return { ...result, rows };
    },
  };
  app.ctx.db = app.ctx.db.withPlugin(staleRead);
}

/** The latest rules.run entry of the audit trail, as an auditor reads it. */
export async function latestRulesRun(app: TestApp): Promise<AuditEntry> {
  const res = await (await app.as('auditor')).get<{ items: AuditEntry[] }>('/api/v1/audit?action=rules.run&pageSize=1');
  expect(res.status, res.text).toBe(200);
  return res.body.items[0];
}
