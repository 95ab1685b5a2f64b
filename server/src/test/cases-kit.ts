// Shared by the cases specs: February 2021's reports that make one case hold in three cities, and
// small readers of the cases API.
import { expect } from 'vitest';
import type { CaseDetail, CaseSummary } from '../contract/cases.js';
import type { ApiClient } from './api-client.js';
import { aLink, anAgreement, aReport, submitted } from './report-factory.js';
import type { TestApp } from './test-app.js';

export { NOW } from './findings-kit.js';

export const BEIJING = '110000';
export const GUANGZHOU = '440100';
export const SHENZHEN = '440300';

/**
 * February 2021: ICBC declares it scans Alipay's codes in Beijing, Guangzhou and Shenzhen, which
 * Alipay's report leaves out (CONS-001, one case in three cities); Alipay signs an exclusive
 * agreement with UnionPay (EXCL-001, a case of its own, no city) and scans UnionPay's codes in
 * Beijing, which UnionPay does not return (RECIP-001, one city); WeChat Pay bars competitors' codes
 * in its agreement with CMB (EXCL-001).
 */
export async function reportCases(app: TestApp): Promise<void> {
  await submitted(
    await app.as('alipay'),
    aReport({
      institution: 'alipay',
      period: '2021-02',
      links: [aLink({ scanner: 'alipay', issuer: 'unionpay', city: BEIJING })],
      agreements: [anAgreement({ ref: 'ALI-EX-1', counterparty: 'unionpay', kind: 'acceptance', exclusive: true, feeBps: null })],
    }),
  );
  await submitted(
    await app.as('unionpay'),
    aReport({
      institution: 'unionpay',
      period: '2021-02',
      links: [
        aLink({ scanner: 'unionpay', issuer: 'unionpay', city: BEIJING }),
        aLink({ scanner: 'alipay', issuer: 'unionpay', city: BEIJING }),
      ],
    }),
  );
  await submitted(
    await app.as('tenpay'),
    aReport({
      institution: 'tenpay',
      period: '2021-02',
      links: [],
      agreements: [anAgreement({ ref: 'TEN-1', counterparty: 'cmb', kind: 'acceptance', restrictions: ['no-competitor-codes'] })],
    }),
  );
  await submitted(
    await app.as('icbc'),
    aReport({
      institution: 'icbc',
      period: '2021-02',
      links: [BEIJING, GUANGZHOU, SHENZHEN].map((city) => aLink({ scanner: 'icbc', issuer: 'alipay', city })),
    }),
  );
}

export type CaseList = { items: CaseSummary[]; total: number };

export async function cases(client: ApiClient, query = ''): Promise<CaseList> {
  const res = await client.get<CaseList>(`/api/v1/cases${query ? `?${query}` : ''}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** The one case of a rule the client sees. */
export async function caseOf(client: ApiClient, ruleId: string, query = ''): Promise<CaseSummary> {
  const found = (await cases(client, `rule=${ruleId}${query ? `&${query}` : ''}`)).items;
  expect(found, `cases of ${ruleId}`).toHaveLength(1);
  return found[0];
}

export async function caseDetail(client: ApiClient, id: string, query = ''): Promise<CaseDetail> {
  const res = await client.get<CaseDetail>(`/api/v1/cases/${id}${query ? `?${query}` : ''}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}
