import { describe, expect, it } from 'vitest';
import { agreement, KIT_CITIES, link, ruleInput, type KitReport } from '../test/rule-kit.js';
import { closedGroup as rule } from './excl-002-closed-group.js';

const P = '2026-03';
const evaluate = (reports: KitReport[], settings = rule.defaults) => rule.evaluate(ruleInput({ period: P, reports }), settings);
const fingerprints = (reports: KitReport[], settings = rule.defaults) =>
  evaluate(reports, settings)
    .map((h) => h.fingerprint)
    .sort();

/** XA's codes scanned by XA and by XA Bank (same group); XB and XC each scan their own codes. */
const closedXa = (...extra: ReturnType<typeof link>[]): KitReport[] => [
  { institution: 'xa', period: P, links: [link('xa', 'xa'), link('xa-bank', 'xa'), ...extra] },
  { institution: 'xb', period: P, links: [link('xb', 'xb')] },
  { institution: 'xc', period: P, links: [link('xc', 'xc')] },
];

describe('EXCL-002 closed group', () => {
  it('fires for an issuer recognised only inside its group while exactly minOtherScanners other-group scanners are active', () => {
    const hits = evaluate(closedXa());
    const issuerHit = hits.find((h) => h.fingerprint === 'EXCL-002|issuer|xa|330100|mpm|offline');
    expect(issuerHit).toMatchObject({ subjects: ['xa'], city: '330100', mode: 'mpm', channel: 'offline', severity: 'high' });
    expect(issuerHit!.explanation.en).toBe(
      'In Hangzhou (330100), XA Wallet’s merchant-presented codes (mpm, offline) are recognised only by its own group (XA Wallet, XA Bank), while 2 scanners of other groups are active there (XB Wallet, XC Pay).',
    );
    expect(issuerHit!.evidence.map((e) => e.row)).toEqual([0, 1]);
  });

  it('does not fire with one other-group scanner fewer than minOtherScanners', () => {
    expect(fingerprints(closedXa())).toContain('EXCL-002|issuer|xa|330100|mpm|offline');
    expect(fingerprints(closedXa(), { ...rule.defaults, minOtherScanners: 3 })).not.toContain('EXCL-002|issuer|xa|330100|mpm|offline');
    const onlyXb = closedXa().filter((r) => r.institution !== 'xc');
    expect(fingerprints(onlyXb)).not.toContain('EXCL-002|issuer|xa|330100|mpm|offline');
  });

  it('stops firing once another group scans the codes live, but not for a pilot', () => {
    expect(fingerprints(closedXa(link('xb', 'xa')))).not.toContain('EXCL-002|issuer|xa|330100|mpm|offline');
    expect(fingerprints(closedXa(link('xb', 'xa', { status: 'pilot' })))).toContain('EXCL-002|issuer|xa|330100|mpm|offline');
  });

  it('fires for a systemic scanner that recognises only its own group while minOtherIssuers other-group issuers are live', () => {
    // XB and XC each scan their own codes only, and two other groups' issuers (XA, and XC or XB) are live.
    expect(fingerprints(closedXa())).toEqual(
      expect.arrayContaining([
        'EXCL-002|scanner|xa|330100|mpm|offline',
        'EXCL-002|scanner|xb|330100|mpm|offline',
        'EXCL-002|scanner|xc|330100|mpm|offline',
      ]),
    );
    expect(fingerprints(closedXa(), { ...rule.defaults, minOtherIssuers: 3 }).filter((f) => f.includes('|scanner|'))).toEqual([]);
  });

  it('does not name an issuer closed when its own report declares another group scanning its codes live', () => {
    // XB's report says it suspended XA's codes; XA's says XB scans them live: a dispute (CONS-001), not XA's fault on XB's word.
    const disputed = closedXa(link('xb', 'xa'));
    disputed[1] = { institution: 'xb', period: P, links: [link('xb', 'xb'), link('xb', 'xa', { status: 'suspended' })] };
    expect(fingerprints(disputed)).not.toContain('EXCL-002|issuer|xa|330100|mpm|offline');
    // Declared as a pilot by XA, the codes are closed by XA's word too.
    expect(fingerprints(closedXa(link('xb', 'xa', { status: 'pilot' })))).toContain('EXCL-002|issuer|xa|330100|mpm|offline');
  });

  it('does not name an institution without a report as of the period, on the others’ words', () => {
    // XA never reports: XA Bank declares scanning XA's codes and XA scanning its own; XB and XC are live.
    const withoutXa: KitReport[] = [
      { institution: 'xa-bank', period: P, links: [link('xa-bank', 'xa'), link('xa', 'xa-bank')] },
      { institution: 'xb', period: P, links: [link('xb', 'xb')] },
      { institution: 'xc', period: P, links: [link('xc', 'xc')] },
    ];
    const found = fingerprints(withoutXa);
    expect(found).toContain('EXCL-002|scanner|xb|330100|mpm|offline');
    expect(found.filter((f) => f.includes('|xa|'))).toEqual([]);
  });

  it('leaves non-systemic institutions alone', () => {
    const reports: KitReport[] = [
      { institution: 'bank1', period: P, links: [link('bank1', 'bank1')] },
      { institution: 'xb', period: P, links: [link('xb', 'xb')] },
      { institution: 'xc', period: P, links: [link('xc', 'xc')] },
    ];
    expect(fingerprints(reports).filter((f) => f.includes('bank1'))).toEqual([]);
  });

  it('fires in every city for links declared for every city', () => {
    const everywhere = closedXa().map((r) => ({ ...r, links: r.links!.map((l) => ({ ...l, city: '*' })) }));
    const cities = evaluate(everywhere)
      .filter((h) => h.fingerprint.startsWith('EXCL-002|issuer|xa|'))
      .map((h) => h.city);
    expect(cities.sort()).toEqual(KIT_CITIES.map((c) => c.code).sort());
  });

  it('fires on an agreement in force restricting acceptance to the own group', () => {
    const hits = evaluate([
      {
        institution: 'xa',
        period: P,
        agreements: [agreement('OWN-1', 'xa-bank', { kind: 'acceptance', restrictions: ['own-group-only'] })],
      },
    ]);
    expect(hits.map((h) => [h.fingerprint, h.subjects])).toEqual([['EXCL-002|agreement|xa|OWN-1|xa-bank', ['xa']]]);
  });
});
