// The sha256 of a report's canonical content: the same declaration sent as JSON or as CSV, in any
// row order, hashes the same.
import { createHash } from 'node:crypto';
import type { Report } from '../contract/reports.js';
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

export function canonicalReport(report: Report): string {
  return canonicalJson({
    institution: report.institution,
    period: report.period,
    links: [...report.links].sort((a, b) => byString(linkKey(a), linkKey(b))),
    agreements: [...report.agreements]
      .sort((a, b) => byString(a.ref, b.ref))
      .map((a) => ({
        ...a,
        scope: { cities: [...a.scope.cities].sort(), modes: [...a.scope.modes].sort(), channels: [...a.scope.channels].sort() },
        restrictions: [...a.restrictions].sort(),
      })),
  });
}

export function reportSha256(report: Report): string {
  return createHash('sha256').update(canonicalReport(report)).digest('hex');
}
