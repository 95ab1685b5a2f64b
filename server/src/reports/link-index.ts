// A report's rows by their link (scanner, issuer, mode, channel, city), in maps nested field by
// field instead of one map of joined string keys: for a 50,000-row report, building a joined key
// per row (several strings each, all kept until the map is dropped) and hashing it cost several
// times more than these lookups, most of it in the garbage collector.
import type { Link } from '../contract/reports.js';

type LinkFields = Pick<Link, 'scanner' | 'issuer' | 'mode' | 'channel' | 'city'>;
type Pair = Pick<Link, 'scanner' | 'issuer' | 'mode' | 'channel'>;
type Cities = Map<string, number>;
type Group = Map<string, Group | number>;

const PAIR_FIELDS = ['scanner', 'issuer', 'mode', 'channel'] as const;
const FIELDS = [...PAIR_FIELDS, 'city'] as const;

export type LinkField = keyof LinkFields;

export class LinkIndex {
  /** scanner → issuer → mode → channel → city → first row. */
  private readonly byScanner: Group = new Map();
  private links = 0;

  /** Records the row under its link unless a row is already there; answers that first row. */
  add(link: LinkFields, row: number): number | undefined {
    const cities = this.citiesOf(link, true)!;
    const first = cities.get(link.city);
    if (first === undefined) {
      cities.set(link.city, row);
      this.links += 1;
    }
    return first;
  }

  /** How many distinct links: the rows less their duplicates. */
  get size(): number {
    return this.links;
  }

  /**
   * The first row of every link, ordered field by field (scanner, issuer, mode, channel, city):
   * `sort` orders each field's distinct values, or refuses with undefined (then so does this).
   */
  rowsInOrder(sort: (values: string[], field: LinkField) => string[] | undefined): number[] | undefined {
    const rows: number[] = [];
    const walk = (group: Group, depth: number): boolean => {
      const values = sort([...group.keys()], FIELDS[depth]);
      if (!values) return false;
      for (const value of values) {
        const inner = group.get(value)!;
        if (typeof inner === 'number') rows.push(inner);
        else if (!walk(inner, depth + 1)) return false;
      }
      return true;
    };
    return walk(this.byScanner, 0) ? rows : undefined;
  }

  /** The first row with this link. */
  rowOf(link: LinkFields): number | undefined {
    return this.citiesOf(link, false)?.get(link.city);
  }

  /** The first row declaring the link's pair for every city (*). */
  starRowOf(pair: Pair): number | undefined {
    return this.citiesOf(pair, false)?.get('*');
  }

  /** Whether any row joins the pair (scanner, issuer, mode, channel), in any city. */
  hasPair(pair: Pair): boolean {
    return (this.citiesOf(pair, false)?.size ?? 0) > 0;
  }

  private citiesOf(pair: Pair, create: boolean): Cities | undefined {
    let group = this.byScanner;
    for (const field of PAIR_FIELDS) {
      let inner = group.get(pair[field]) as Group | undefined;
      if (!inner) {
        if (!create) return undefined;
        group.set(pair[field], (inner = new Map()));
      }
      group = inner;
    }
    return group as Cities;
  }
}

const shared = new WeakMap<readonly LinkFields[], LinkIndex>();

/**
 * The index of a report's rows, each link under its first row: built once per array of links and
 * shared by whoever looks its rows up by link (validation, the warnings, the hash).
 */
export function linkIndexOf(links: readonly LinkFields[]): LinkIndex {
  let index = shared.get(links);
  if (!index) {
    index = new LinkIndex();
    for (let i = 0; i < links.length; i++) index.add(links[i], i);
    shared.set(links, index);
  }
  return index;
}

/** Shares an index built while the rows were checked: its rows must be the positions in `links`. */
export function shareIndex(links: readonly LinkFields[], index: LinkIndex): void {
  shared.set(links, index);
}
