// A report's rows by their link (scanner, issuer, mode, channel, city), in maps nested field by
// field instead of one map of joined string keys: for a 50,000-row report, building a joined key
// per row (several strings each, all kept until the map is dropped) and hashing it cost several
// times more than these lookups, most of it in the garbage collector.
import type { Link } from '../contract/reports.js';

type LinkFields = Pick<Link, 'scanner' | 'issuer' | 'mode' | 'channel' | 'city'>;
type Pair = Pick<Link, 'scanner' | 'issuer' | 'mode' | 'channel'>;
type Cities = Map<string, number>;

export type LinkField = keyof LinkFields;

export class LinkIndex {
  private readonly byScanner = new Map<string, Map<string, Map<string, Map<string, Cities>>>>();
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
    const sorted = <T>(group: Map<string, T>, field: LinkField): T[] | undefined => sort([...group.keys()], field)?.map((v) => group.get(v)!);
    const scanners = sorted(this.byScanner, 'scanner');
    if (!scanners) return undefined;
    for (const issuers of scanners) {
      const byIssuer = sorted(issuers, 'issuer');
      if (!byIssuer) return undefined;
      for (const modes of byIssuer) {
        const byMode = sorted(modes, 'mode');
        if (!byMode) return undefined;
        for (const channels of byMode) {
          const byChannel = sorted(channels, 'channel');
          if (!byChannel) return undefined;
          for (const cities of byChannel) {
            const inOrder = sorted(cities, 'city');
            if (!inOrder) return undefined;
            rows.push(...inOrder);
          }
        }
      }
    }
    return rows;
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
    let issuers = this.byScanner.get(pair.scanner);
    if (!issuers) {
      if (!create) return undefined;
      this.byScanner.set(pair.scanner, (issuers = new Map()));
    }
    let modes = issuers.get(pair.issuer);
    if (!modes) {
      if (!create) return undefined;
      issuers.set(pair.issuer, (modes = new Map()));
    }
    let channels = modes.get(pair.mode);
    if (!channels) {
      if (!create) return undefined;
      modes.set(pair.mode, (channels = new Map()));
    }
    let cities = channels.get(pair.channel);
    if (!cities) {
      if (!create) return undefined;
      channels.set(pair.channel, (cities = new Map()));
    }
    return cities;
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
