// The sha256 of a report's canonical content: the same declaration sent as JSON or as CSV, in any
// row order, hashes the same. canonicalJson is the definition; canonicalReport writes the same text faster.
import { createHash } from 'node:crypto';
import type { Link, Report } from '../contract/reports.js';
import { linkIndexOf } from './link-index.js';
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

/** Rows in the order of their keys (linkKey), sorting the keys: the definition's way, for any field values. */
function orderByKey(links: readonly Link[]): number[] {
  const keys = links.map(linkKey);
  return links.map((_, i) => i).sort((a, b) => byString(keys[a], keys[b]));
}

const byKeyPrefix = (a: string, b: string) => byString(`${a}|`, `${b}|`);

/**
 * The same order without a key per row, from the report's link index: rows grouped field by field
 * in the key's order, each field's distinct values sorted once. A value followed by the key's '|'
 * sorts as value + '|'; the city ends the key and sorts as itself. That is the joined keys' order
 * when no value holds a '|' itself and no link is there twice (always, in a valid report);
 * otherwise the answer is undefined. For 50,000 rows the keys (their strings, hashing and the
 * garbage collector) cost several times this.
 */
function orderByFields(links: readonly Link[]): number[] | undefined {
  const index = linkIndexOf(links);
  if (index.size !== links.length) return undefined;
  return index.rowsInOrder((values, field) =>
    values.some((v) => v.includes('|')) ? undefined : values.sort(field === 'city' ? byString : byKeyPrefix),
  );
}

/** canonicalJson of the report, in parts (the links are most of it: hashed as they are, not copied into one string). */
function canonicalParts(report: Report): string[] {
  const agreements = [...report.agreements]
    .sort((a, b) => byString(a.ref, b.ref))
    .map((a) => ({
      ...a,
      scope: { cities: [...a.scope.cities].sort(), modes: [...a.scope.modes].sort(), channels: [...a.scope.channels].sort() },
      restrictions: [...a.restrictions].sort(),
    }));
  // The sorted links are written by one JSON.stringify, several times faster than a call per field.
  const order = orderByFields(report.links) ?? orderByKey(report.links);
  const links = JSON.stringify(order.map((i) => canonicalLink(report.links[i])));
  // canonicalJson of { institution, period, links, agreements }, its keys in their sorted order.
  const q = JSON.stringify;
  return [
    `{"agreements":${canonicalJson(agreements)},"institution":${q(report.institution)},"links":`,
    links,
    `,"period":${q(report.period)}}`,
  ];
}

export function canonicalReport(report: Report): string {
  return canonicalParts(report).join('');
}

export function reportSha256(report: Report): string {
  const hash = createHash('sha256');
  for (const part of canonicalParts(report)) hash.update(part);
  return hash.digest('hex');
}
