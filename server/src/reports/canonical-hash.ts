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

/** Rows in the order of their keys (linkKey), sorting the keys: the definition's way, for any field values. */
function orderByKey(links: readonly Link[]): number[] {
  const keys = links.map(linkKey);
  return links.map((_, i) => i).sort((a, b) => byString(keys[a], keys[b]));
}

type Group<T> = Map<string, T>;

function groupOf<T>(group: Group<T>, value: string, empty: () => T): T {
  let inner = group.get(value);
  if (inner === undefined) group.set(value, (inner = empty()));
  return inner;
}

/**
 * The same order without a key per row: rows grouped field by field in the key's order, each
 * field's distinct values sorted once. A value followed by the key's '|' sorts as value + '|'; the
 * city ends the key and sorts as itself. That is the joined keys' order only when no value holds a
 * '|' itself: then the answer is undefined. For 50,000 rows the keys (their strings, hashing and
 * the garbage collector) cost several times the grouping.
 */
function orderByFields(links: readonly Link[]): number[] | undefined {
  const byScanner: Group<Group<Group<Group<Group<number[]>>>>> = new Map();
  links.forEach((l, i) => {
    const cities = groupOf(groupOf(groupOf(groupOf(byScanner, l.scanner, () => new Map()), l.issuer, () => new Map()), l.mode, () => new Map()), l.channel, () => new Map());
    groupOf(cities, l.city, (): number[] => []).push(i);
  });
  const inKeyOrder = <T>(group: Group<T>, last: boolean): T[] => {
    const values = [...group.keys()];
    if (values.some((v) => v.includes('|'))) throw new HasBar();
    return values.sort(last ? byString : (a, b) => byString(`${a}|`, `${b}|`)).map((v) => group.get(v)!);
  };
  const order: number[] = [];
  try {
    for (const issuers of inKeyOrder(byScanner, false))
      for (const modes of inKeyOrder(issuers, false))
        for (const channels of inKeyOrder(modes, false))
          for (const cities of inKeyOrder(channels, false)) for (const rows of inKeyOrder(cities, true)) order.push(...rows);
  } catch (err) {
    if (err instanceof HasBar) return undefined;
    throw err;
  }
  return order;
}

class HasBar extends Error {}

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
  return [`{"agreements":${canonicalJson(agreements)},"institution":${q(report.institution)},"links":`, links, `,"period":${q(report.period)}}`];
}

export function canonicalReport(report: Report): string {
  return canonicalParts(report).join('');
}

export function reportSha256(report: Report): string {
  const hash = createHash('sha256');
  for (const part of canonicalParts(report)) hash.update(part);
  return hash.digest('hex');
}
