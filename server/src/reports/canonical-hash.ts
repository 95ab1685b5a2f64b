// The sha256 of a report's canonical content: the same declaration sent as JSON or as CSV, in any
// row order, hashes the same.
import { createHash } from 'node:crypto';
import type { Link, Report } from '../contract/reports.js';
import { linkKey } from './validate-report.js';

function canonicalJson(value: unknown): string {
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

/** canonicalJson of a link, written out: its keys are known, and a report may hold a million. */
function canonicalLink(l: Link): string {
  const q = JSON.stringify;
  return `{"channel":${q(l.channel)},"city":${q(l.city)},"issuer":${q(l.issuer)},"mode":${q(l.mode)},"scanner":${q(l.scanner)},"since":${q(l.since)},"status":${q(l.status)}}`;
}

export function canonicalReport(report: Report): string {
  // Each link's sort key is built once, not twice per comparison.
  const links = report.links.map((l) => ({ key: linkKey(l), json: canonicalLink(l) })).sort((a, b) => byString(a.key, b.key));
  const agreements = [...report.agreements]
    .sort((a, b) => byString(a.ref, b.ref))
    .map((a) => ({
      ...a,
      scope: { cities: [...a.scope.cities].sort(), modes: [...a.scope.modes].sort(), channels: [...a.scope.channels].sort() },
      restrictions: [...a.restrictions].sort(),
    }));
  // canonicalJson of { institution, period, links, agreements }, its keys in their sorted order.
  const q = JSON.stringify;
  return `{"agreements":${canonicalJson(agreements)},"institution":${q(report.institution)},"links":[${links.map((l) => l.json).join(',')}],"period":${q(report.period)}}`;
}

export function reportSha256(report: Report): string {
  return createHash('sha256').update(canonicalReport(report)).digest('hex');
}
