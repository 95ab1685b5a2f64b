// The cities a coverage question is about: the nation, one province, or one city.
import type { City } from '../contract/reference.js';
import { Invalid } from '../domain/errors.js';
import { didYouMean, nearestKnownId } from '../reference/nearest-known-id.js';

/**
 * A city code names that city; otherwise a province code names the province's cities. A
 * municipality's code is both, and names the same single city either way.
 */
export function citiesInScope(cities: readonly City[], filter: string | undefined): Set<string> {
  if (filter === undefined) return new Set(cities.map((c) => c.code));
  if (cities.some((c) => c.code === filter)) return new Set([filter]);
  const inProvince = cities.filter((c) => c.province === filter).map((c) => c.code);
  if (inProvince.length > 0) return new Set(inProvince);
  const near = didYouMean(nearestKnownId(filter, new Set(cities.flatMap((c) => [c.code, c.province]))));
  throw new Invalid([
    {
      code: 'UNKNOWN_CITY',
      message: `no prefecture-level city or province "${filter}"${near.en}`,
      messageZh: `没有地级市或省份 "${filter}"${near.zh}`,
      path: '$.city',
    },
  ]);
}
