// canonicalReport writes a report's canonical text by hand, fast; canonicalJson of the report with its
// rows sorted is the definition it must equal, for any strings the fields may hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agreement, Link, Report } from '../contract/reports.js';
import { canonicalJson, canonicalReport } from './canonical-hash.js';
import { linkKey } from './validate-report.js';

const text = fc.string({ maxLength: 12, unit: 'binary' });
const linkArb: fc.Arbitrary<Link> = fc.record({
  scanner: fc.oneof(text, fc.constantFrom('bank-1', 'bank-10', 'bank-1|x')),
  issuer: fc.oneof(text, fc.constantFrom('bank-1', 'bank-10')),
  mode: fc.constantFrom('mpm', 'cpm' as const),
  channel: fc.constantFrom('offline', 'online' as const),
  city: fc.oneof(text, fc.constantFrom('*', '110000')),
  status: fc.constantFrom('live', 'pilot', 'planned', 'suspended' as const),
  since: text,
});
const agreementArb: fc.Arbitrary<Agreement> = fc.record({
  ref: text,
  counterparty: text,
  kind: fc.constantFrom('acceptance', 'clearing', 'technical', 'marketing' as const),
  exclusive: fc.boolean(),
  feeBps: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
  scope: fc.record({
    cities: fc.array(text, { maxLength: 3 }),
    modes: fc.constant(['cpm', 'mpm'] as ('mpm' | 'cpm')[]),
    channels: fc.constant(['online'] as ('offline' | 'online')[]),
  }),
  restrictions: fc.constant([]),
  effective: text,
  expires: fc.option(text, { nil: null }),
  text: fc.option(text, { nil: undefined }),
});
const reportArb: fc.Arbitrary<Report> = fc.record({
  institution: text,
  period: text,
  links: fc.uniqueArray(linkArb, { maxLength: 30, selector: linkKey }),
  agreements: fc.array(agreementArb, { maxLength: 3 }),
});

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The definition: canonicalJson of the report, links sorted by their key, agreements by ref, scope lists sorted. */
function definition(r: Report): string {
  const links = [...r.links].sort((a, b) => byString(linkKey(a), linkKey(b)));
  const agreements = [...r.agreements]
    .sort((a, b) => byString(a.ref, b.ref))
    .map((a) => ({
      ...a,
      scope: { cities: [...a.scope.cities].sort(), modes: [...a.scope.modes].sort(), channels: [...a.scope.channels].sort() },
      restrictions: [...a.restrictions].sort(),
    }));
  return canonicalJson({ institution: r.institution, period: r.period, links, agreements });
}

describe('canonicalReport', () => {
  it('equals canonicalJson of the sorted report, whatever the fields hold', () => {
    fc.assert(
      fc.property(reportArb, (r) => {
        expect(canonicalReport(r)).toBe(definition(r));
      }),
      { numRuns: 500 },
    );
  });

  // Without a '|' in any field, rows are ordered field by field; values that are prefixes of one
  // another, and characters on either side of '|' (z { } ~), are where that could differ from the key order.
  const near = fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'b', 'z', '{', '}', '~', '-', '0', '"', '\\', '\u00e9') });
  const noBarLink: fc.Arbitrary<Link> = fc.record({
    scanner: fc.oneof(near, fc.constantFrom('bank-1', 'bank-10', 'bank-1z', 'bank-1~')),
    issuer: near,
    mode: fc.constantFrom('mpm', 'cpm' as const),
    channel: fc.constantFrom('offline', 'online' as const),
    city: fc.oneof(near, fc.constantFrom('*', '110000', '1100')),
    status: fc.constantFrom('live', 'pilot', 'planned', 'suspended' as const),
    since: text,
  });
  it('equals it for large reports whose fields hold no |, duplicates kept in their order', () => {
    fc.assert(
      fc.property(
        fc.array(noBarLink, { maxLength: 300 }),
        fc.array(agreementArb, { maxLength: 2 }),
        fc.boolean(),
        (links, agreements, again) => {
          const r: Report = {
            institution: 'bank-1',
            period: '2021-01',
            links: again ? [...links, ...links.slice(0, 3).map((l) => ({ ...l, since: 'again' }))] : links,
            agreements,
          };
          expect(canonicalReport(r)).toBe(definition(r));
        },
      ),
      { numRuns: 300 },
    );
  });
});
