// The sha256 of a report's canonical content: the same declaration sent as JSON or as CSV, in any
// row order, hashes the same. canonicalJson is the definition; canonicalReport writes the same text faster.
import { createHash } from 'node:crypto';
import type { Link, Report } from '../contract/reports.js';
import { linkKey } from './validate-report.js';

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A link with canonicalJson's key order (sorted): JSON.stringify writes it as canonicalJson would. */
function canonicalLink(l: Link): Link {
  return { channel: l.channel, city: l.city, issuer: l.issuer, mode: l.mode, scanner: l.scanner, since: l.since, status: l.status };
}

export function canonicalReport(report: Report): string {
  // Each link's sort key is built once, not twice per comparison; the sorted links are written by
  // one JSON.stringify, several times faster than a call per field of a report that may hold a million.
  const links = report.links.map((l) => ({ key: linkKey(l), link: l })).sort((a, b) => byString(a.key, b.key));
  const agreements = [...report.agreements]
    .sort((a, b) => byString(a.ref, b.ref))
    .map((a) => ({
      ...a,
      scope: { cities: [...a.scope.cities].sort(), modes: [...a.scope.modes].sort(), channels: [...a.scope.channels].sort() },
      restrictions: [...a.restrictions].sort(),
    }));
  // canonicalJson of { institution, period, links, agreements }, its keys in their sorted order.
  const q = JSON.stringify;
  return `{"agreements":${canonicalJson(agreements)},"institution":${q(report.institution)},"links":${q(links.map((l) => canonicalLink(l.link)))},"period":${q(report.period)}}`;
}

export function reportSha256(report: Report): string {
  return createHash('sha256').update(canonicalReport(report)).digest('hex');
}
