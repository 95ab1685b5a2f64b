// An institution's share of a period state: its links in each city group, with the cities that end
// up with the same links merged into one group. Pure.
import type { LinkGroup } from '../contract/institution-links.js';
import type { CityGroup } from '../state/period-state.js';

export function linkGroupsOf(groups: readonly CityGroup[], institution: string): LinkGroup[] {
  const merged = new Map<string, LinkGroup>();
  for (const group of groups) {
    const links = group.links
      .filter((l) => l.scanner === institution || l.issuer === institution)
      .map(({ scanner, issuer, status, since, reconciliation }) => ({ scanner, issuer, status, since, reconciliation }));
    if (links.length === 0) continue;
    const key = JSON.stringify(links);
    const same = merged.get(key);
    if (same) same.cities.push(...group.cities);
    else merged.set(key, { cities: [...group.cities], links });
  }
  const result = [...merged.values()];
  for (const g of result) g.cities.sort();
  return result.sort((a, b) => b.cities.length - a.cities.length || a.cities[0].localeCompare(b.cities[0]));
}
