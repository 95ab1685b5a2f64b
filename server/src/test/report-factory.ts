// Small builders for reports in tests.
import type { Agreement, Link, Receipt } from '../contract/reports.js';
import type { ApiClient } from './api-client.js';

export function aLink(overrides: Partial<Link> = {}): Link {
  return {
    scanner: 'alipay',
    issuer: 'unionpay',
    mode: 'mpm',
    channel: 'offline',
    city: '110000',
    status: 'live',
    since: '2021-01-01',
    ...overrides,
  };
}

export function anAgreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    ref: 'A-1',
    counterparty: 'unionpay',
    kind: 'clearing',
    exclusive: false,
    feeBps: 10,
    scope: { cities: ['*'], modes: ['mpm'], channels: ['offline'] },
    restrictions: [],
    effective: '2021-01-01',
    expires: null,
    ...overrides,
  };
}

export function aReport(overrides: { institution?: string; period?: string; links?: unknown[]; agreements?: unknown[] } = {}) {
  return { institution: 'alipay', period: '2021-06', links: [aLink()], agreements: [], ...overrides };
}

/** Submits a report as the client and answers its receipt; anything but 201 fails the test. */
export async function submitted(client: ApiClient, report: ReturnType<typeof aReport>): Promise<Receipt & { id: number }> {
  const res = await client.post<Receipt & { id: number }>('/api/v1/reports', report);
  if (res.status !== 201) throw new Error(`submitting ${report.institution} ${report.period} failed: ${res.status} ${res.text}`);
  return res.body;
}
