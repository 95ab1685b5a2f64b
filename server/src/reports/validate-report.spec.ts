import { describe, expect, it } from 'vitest';
import { aLink, anAgreement, aReport } from '../test/report-factory.js';
import { validateReport, type ReferenceData } from './validate-report.js';

const ref: ReferenceData = {
  institutions: new Set(['alipay', 'unionpay', 'tenpay', 'icbc']),
  cities: new Set(['110000', '440100', '330100']),
  accepted: { earliest: '2015-01', latest: '2021-12' },
};

function codesOf(body: unknown): { code: string; path?: string }[] {
  const result = validateReport(body, ref);
  return result.ok ? [] : result.errors.map(({ code, path }) => ({ code, path }));
}

describe('validating a report', () => {
  it('accepts a well-formed report and fills in missing agreements', () => {
    const result = validateReport({ institution: 'alipay', period: '2021-06', links: [aLink()] }, ref);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.report.agreements).toEqual([]);
  });

  it('names an unknown institution, in the envelope and in a link', () => {
    expect(codesOf(aReport({ institution: 'nobank' }))).toContainEqual({ code: 'UNKNOWN_INSTITUTION', path: '$.institution' });
    expect(codesOf(aReport({ links: [aLink({ issuer: 'nobank' })] }))).toEqual([
      { code: 'UNKNOWN_INSTITUTION', path: '$.links[0].issuer' },
    ]);
  });

  it('names an unknown city, and accepts * for every city', () => {
    expect(codesOf(aReport({ links: [aLink({ city: '999999' })] }))).toEqual([{ code: 'UNKNOWN_CITY', path: '$.links[0].city' }]);
    expect(codesOf(aReport({ links: [aLink({ city: 'Beijing' })] }))).toEqual([{ code: 'UNKNOWN_CITY', path: '$.links[0].city' }]);
    expect(codesOf(aReport({ links: [aLink({ city: '*' })] }))).toEqual([]);
  });

  it('rejects a malformed period with BAD_PERIOD, and one before the earliest or after the current month with PERIOD_OUT_OF_RANGE', () => {
    expect(codesOf(aReport({ period: '2021-13' }))).toEqual([{ code: 'BAD_PERIOD', path: '$.period' }]);
    expect(codesOf(aReport({ period: '2022-01' }))).toEqual([{ code: 'PERIOD_OUT_OF_RANGE', path: '$.period' }]);
    expect(codesOf(aReport({ period: '2014-12' }))).toEqual([{ code: 'PERIOD_OUT_OF_RANGE', path: '$.period' }]);
    expect(codesOf(aReport({ period: '2015-01' }))).toEqual([]);
  });

  it('rejects dates that are not calendar dates with BAD_DATE', () => {
    expect(codesOf(aReport({ links: [aLink({ since: '2021-02-30' })] }))).toEqual([{ code: 'BAD_DATE', path: '$.links[0].since' }]);
    expect(codesOf(aReport({ links: [aLink({ since: '01/02/2021' })] }))).toEqual([{ code: 'BAD_DATE', path: '$.links[0].since' }]);
  });

  it('rejects a link in which the reporter is not a party with NOT_A_PARTY', () => {
    expect(codesOf(aReport({ links: [aLink({ scanner: 'tenpay', issuer: 'unionpay' })] }))).toEqual([
      { code: 'NOT_A_PARTY', path: '$.links[0]' },
    ]);
  });

  it('accepts an institution recognising its own codes', () => {
    expect(codesOf(aReport({ links: [aLink({ scanner: 'alipay', issuer: 'alipay' })] }))).toEqual([]);
  });

  it('rejects the same link twice, and a city already covered by a * link, with DUPLICATE_LINK', () => {
    expect(codesOf(aReport({ links: [aLink(), aLink({ status: 'pilot' })] }))).toEqual([{ code: 'DUPLICATE_LINK', path: '$.links[1]' }]);
    expect(codesOf(aReport({ links: [aLink({ city: '*' }), aLink({ city: '440100' })] }))).toEqual([
      { code: 'DUPLICATE_LINK', path: '$.links[1]' },
    ]);
    expect(codesOf(aReport({ links: [aLink(), aLink({ channel: 'online' })] }))).toEqual([]);
  });

  it('rejects bad enum values with BAD_VALUE, wrong types with WRONG_TYPE, missing fields with REQUIRED and unknown fields with UNKNOWN_FIELD', () => {
    const { since: _since, ...noSince } = aLink();
    expect(codesOf(aReport({ links: [aLink({ mode: 'xpm' as never })] }))).toEqual([{ code: 'BAD_VALUE', path: '$.links[0].mode' }]);
    expect(codesOf(aReport({ links: [{ ...aLink(), status: 3 }] }))).toEqual([{ code: 'BAD_VALUE', path: '$.links[0].status' }]);
    expect(codesOf(aReport({ links: [noSince] }))).toEqual([{ code: 'REQUIRED', path: '$.links[0].since' }]);
    expect(codesOf(aReport({ links: [{ ...aLink(), note: 'x' }] }))).toEqual([{ code: 'UNKNOWN_FIELD', path: '$.links[0].note' }]);
    expect(codesOf({ ...aReport(), extra: true })).toEqual([{ code: 'UNKNOWN_FIELD', path: '$.extra' }]);
    expect(codesOf(aReport({ agreements: [anAgreement({ exclusive: 'yes' as never })] }))).toEqual([
      { code: 'WRONG_TYPE', path: '$.agreements[0].exclusive' },
    ]);
  });

  it('checks agreements: counterparty, duplicate refs, scope, fee and dates', () => {
    expect(codesOf(aReport({ agreements: [anAgreement({ counterparty: 'nobank' })] }))).toEqual([
      { code: 'UNKNOWN_INSTITUTION', path: '$.agreements[0].counterparty' },
    ]);
    expect(codesOf(aReport({ agreements: [anAgreement({ counterparty: 'alipay' })] }))).toEqual([
      { code: 'SELF_AGREEMENT', path: '$.agreements[0].counterparty' },
    ]);
    expect(codesOf(aReport({ agreements: [anAgreement(), anAgreement()] }))).toEqual([
      { code: 'DUPLICATE_AGREEMENT_REF', path: '$.agreements[1].ref' },
    ]);
    expect(codesOf(aReport({ agreements: [anAgreement({ scope: { cities: [], modes: ['mpm'], channels: ['offline'] } })] }))).toEqual([
      { code: 'BAD_SCOPE', path: '$.agreements[0].scope.cities' },
    ]);
    expect(
      codesOf(aReport({ agreements: [anAgreement({ scope: { cities: ['*', '110000'], modes: ['mpm'], channels: ['offline'] } })] })),
    ).toEqual([{ code: 'BAD_SCOPE', path: '$.agreements[0].scope.cities' }]);
    expect(
      codesOf(aReport({ agreements: [anAgreement({ scope: { cities: ['123456'], modes: ['mpm'], channels: ['offline'] } })] })),
    ).toEqual([{ code: 'UNKNOWN_CITY', path: '$.agreements[0].scope.cities[0]' }]);
    expect(codesOf(aReport({ agreements: [anAgreement({ feeBps: -1 })] }))).toEqual([{ code: 'BAD_FEE', path: '$.agreements[0].feeBps' }]);
    expect(codesOf(aReport({ agreements: [anAgreement({ expires: '2020-01-01' })] }))).toEqual([
      { code: 'EXPIRES_BEFORE_EFFECTIVE', path: '$.agreements[0].expires' },
    ]);
    expect(codesOf(aReport({ agreements: [anAgreement({ restrictions: ['bribery' as never] })] }))).toEqual([
      { code: 'BAD_VALUE', path: '$.agreements[0].restrictions[0]' },
    ]);
  });

  it('lists every problem, not only the first, and stops at 1000', () => {
    const bad = Array.from({ length: 1500 }, (_, i) => aLink({ city: String(900000 + i) }));
    const result = validateReport(aReport({ links: bad }), ref);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveLength(1000);
    expect(codesOf(aReport({ links: [aLink({ city: '999999' }), aLink({ issuer: 'nobank', city: '440100' })] }))).toHaveLength(2);
  });
});
