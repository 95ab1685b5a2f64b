// A report's rows by their link (scanner, issuer, mode, channel, city), in maps nested field by
// field instead of one map of joined string keys: for a 50,000-row report, building a joined key
// per row (several strings each, all kept until the map is dropped) and hashing it cost several
// times more than these lookups, most of it in the garbage collector.
import type { Link } from '../contract/reports.js';

type LinkFields = Pick<Link, 'scanner' | 'issuer' | 'mode' | 'channel' | 'city'>;
type Pair = Pick<Link, 'scanner' | 'issuer' | 'mode' | 'channel'>;
type Cities = Map<string, number>;

export class LinkIndex {
  private readonly byScanner = new Map<string, Map<string, Map<string, Map<string, Cities>>>>();

  /** Records the row under its link unless a row is already there; answers that first row. */
  add(link: LinkFields, row: number): number | undefined {
    const cities = this.citiesOf(link, true)!;
    const first = cities.get(link.city);
    if (first === undefined) cities.set(link.city, row);
    return first;
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

/** The index of a report's rows, each link under its first row. */
export function indexLinks(links: readonly LinkFields[]): LinkIndex {
  const index = new LinkIndex();
  links.forEach((l, i) => index.add(l, i));
  return index;
}
