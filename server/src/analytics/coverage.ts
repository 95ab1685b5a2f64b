// Coverage: the share of unordered pairs of systemic institutions that recognise each other
// mutually (both directions live), per city and over scopes of cities. Pure: the service hands it
// the period state's city groups, so each distinct link set is examined once, not once per city.
import type { Institution } from '../contract/reference.js';
import type { StateLink } from '../state/reconcile.js';

export interface CoverageFigure {
  /** null when there is no pair to count (fewer than two members). */
  coverage: number | null;
  mutualPairs: number;
  pairs: number;
}

type LinkFacts = Pick<StateLink, 'scanner' | 'issuer' | 'status'>;

/** Cities that share one link set, as PeriodState groups them. */
export interface LinkGroup {
  cities: readonly string[];
  links: readonly LinkFacts[];
}

/** A figure and how many cities of a scope it stands for. */
export interface WeightedFigure {
  figure: CoverageFigure;
  cities: number;
}

/** The institutions whose pairs coverage counts: systemic and active in the reference data now. */
export function coverageMembers(institutions: readonly Pick<Institution, 'id' | 'systemic' | 'active'>[]): string[] {
  return institutions
    .filter((i) => i.systemic && i.active)
    .map((i) => i.id)
    .sort();
}

export const pairCount = (members: number): number => (members * (members - 1)) / 2;

export function figureOf(mutualPairs: number, pairs: number): CoverageFigure {
  return { coverage: pairs > 0 ? mutualPairs / pairs : null, mutualPairs, pairs };
}

/** Every unordered pair [a, b] (a < b) of distinct members whose links both ways are live. */
export function mutualPairs(links: readonly LinkFacts[], members: readonly string[]): [string, string][] {
  const live = new Set(links.filter((l) => l.status === 'live').map((l) => `${l.scanner}|${l.issuer}`));
  const sorted = [...new Set(members)].sort();
  const found: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const [a, b] = [sorted[i], sorted[j]];
      if (live.has(`${a}|${b}`) && live.has(`${b}|${a}`)) found.push([a, b]);
    }
  }
  return found;
}

/** One city's coverage: its mutual pairs out of every pair of members. */
export function cityCoverage(links: readonly LinkFacts[], members: readonly string[]): CoverageFigure {
  return figureOf(mutualPairs(links, members).length, pairCount(new Set(members).size));
}

/**
 * A scope's figure: the mean of its cities' coverage, each city weighted equally; counts are sums.
 * Cities without a pair to count have no coverage and stay out of the mean. Equal figures are
 * merged and summed in one order, so the same cities give the same number to the last bit however
 * they were grouped: in the period state's city groups or in the stored cells (coverage-store.ts).
 */
export function meanOverCities(parts: Iterable<WeightedFigure>): CoverageFigure {
  const merged = new Map<string, WeightedFigure>();
  for (const { figure, cities } of parts) {
    const key = `${figure.pairs}|${figure.mutualPairs}|${figure.coverage}`;
    const seen = merged.get(key);
    if (seen) seen.cities += cities;
    else merged.set(key, { figure, cities });
  }
  const ordered = [...merged.values()].sort(
    (a, b) =>
      a.figure.pairs - b.figure.pairs ||
      a.figure.mutualPairs - b.figure.mutualPairs ||
      (a.figure.coverage ?? -1) - (b.figure.coverage ?? -1),
  );
  let sum = 0;
  let counted = 0;
  let mutual = 0;
  let pairs = 0;
  for (const { figure, cities } of ordered) {
    mutual += figure.mutualPairs * cities;
    pairs += figure.pairs * cities;
    if (figure.coverage === null) continue;
    sum += figure.coverage * cities;
    counted += cities;
  }
  return { coverage: counted > 0 ? sum / counted : null, mutualPairs: mutual, pairs };
}

/**
 * The figure of every scope, `scopeOf` naming the scope each city counts towards (undefined: none).
 * A group's link set is examined only when one of its cities is in some scope.
 */
export function coverageByScope(
  groups: readonly LinkGroup[],
  members: readonly string[],
  scopeOf: (city: string) => string | undefined,
): Map<string, CoverageFigure> {
  const parts = new Map<string, WeightedFigure[]>();
  for (const group of groups) {
    const cities = countByScope(group.cities, scopeOf);
    if (cities.size === 0) continue;
    const figure = cityCoverage(group.links, members);
    for (const [scope, n] of cities) push(parts, scope, { figure, cities: n });
  }
  return new Map([...parts].map(([scope, list]) => [scope, meanOverCities(list)]));
}

/**
 * For each member, the share of its pairs with the other members that are mutual, averaged over the
 * cities in scope; counts are summed over those cities.
 */
export function coverageByInstitution(
  groups: readonly LinkGroup[],
  members: readonly string[],
  inScope: (city: string) => boolean,
): Map<string, CoverageFigure> {
  const distinct = [...new Set(members)].sort();
  const parts = new Map<string, WeightedFigure[]>(distinct.map((m) => [m, []]));
  for (const group of groups) {
    const cities = group.cities.filter(inScope).length;
    if (cities === 0) continue;
    const partners = new Map(distinct.map((m) => [m, 0]));
    for (const [a, b] of mutualPairs(group.links, distinct)) {
      partners.set(a, partners.get(a)! + 1);
      partners.set(b, partners.get(b)! + 1);
    }
    for (const m of distinct) parts.get(m)!.push({ figure: figureOf(partners.get(m)!, distinct.length - 1), cities });
  }
  return new Map([...parts].map(([m, list]) => [m, meanOverCities(list)]));
}

function countByScope(cities: readonly string[], scopeOf: (city: string) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const city of cities) {
    const scope = scopeOf(city);
    if (scope !== undefined) counts.set(scope, (counts.get(scope) ?? 0) + 1);
  }
  return counts;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
