// Small builders for reports in tests.
import type { Agreement, Link } from '../contract/reports.js';

export function aLink(overrides: Partial<Link> = {}): Link {
  return { scanner: 'alipay', issuer: 'unionpay', mode: 'mpm', channel: 'offline', city: '110000', status: 'live', since: '2021-01-01', ...overrides };
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
