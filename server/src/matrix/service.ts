// The scanners × issuers matrix of one city, period, mode and channel.
import type { AppContext } from '../app-context.js';
import type { Matrix } from '../contract/matrix.js';
import { Invalid } from '../domain/errors.js';
import { didYouMean, nearestKnownId } from '../reference/nearest-known-id.js';
import { cityExists, listCities, systemicInstitutionIds } from '../reference/repository.js';
import { addDeclaration, compareLinks, pairKey, reconcileStatuses, type LinkStatus, type PairDeclarations } from '../state/reconcile.js';
import { declaredLinksInCity } from '../state/repository.js';
import { sharedLinks } from './shared-links.js';

export interface MatrixQuery {
  city: string;
  period: string;
  mode: Matrix['mode'];
  channel: Matrix['channel'];
}

export async function cityMatrix(ctx: AppContext, q: MatrixQuery): Promise<Matrix> {
  const [known, shared, systemic] = await Promise.all([
    cityExists(ctx.db, q.city),
    sharedLinks(ctx.db, q.period, q.mode, q.channel),
    systemicInstitutionIds(ctx.db),
  ]);
  if (!known) {
    const near = didYouMean(
      nearestKnownId(
        q.city,
        (await listCities(ctx.db)).map((c) => c.code),
      ),
    );
    throw new Invalid([
      {
        code: 'UNKNOWN_CITY',
        message: `no prefecture-level city "${q.city}"${near.en}`,
        messageZh: `没有地级市 "${q.city}"${near.zh}`,
        path: '$.city',
      },
    ]);
  }

  // The pairs the city's own rows touch are reconciled again with the '*' declarations of the same
  // pairs (each pair is reconciled on its own; validation refuses a report declaring a pair both ways).
  const touched = new Map<string, PairDeclarations>();
  for (const [reportId, scanner, issuer, status, since] of await declaredLinksInCity(ctx.db, shared.reportIds, q.city, q.mode, q.channel)) {
    const key = pairKey(scanner, issuer);
    const before = touched.has(key) ? undefined : shared.pairs.get(key);
    if (before) touched.set(key, { ...before });
    addDeclaration(touched, shared.institutionOf.get(reportId)!, { scanner, issuer, status: status as LinkStatus, since });
  }
  const own = reconcileStatuses(touched.values(), shared.periodOf, q.period);
  // Mostly in order already: sorting costs little.
  const cells =
    own.length === 0
      ? [...shared.cells]
      : [...shared.cells.filter((c) => !touched.has(pairKey(c.scanner, c.issuer))), ...own].sort(compareLinks);

  const present = new Set<string>();
  for (const c of cells) present.add(c.scanner).add(c.issuer);
  const institutions = [...present].sort((a, b) => Number(systemic.has(b)) - Number(systemic.has(a)) || a.localeCompare(b));
  return { period: q.period, city: q.city, mode: q.mode, channel: q.channel, institutions, cells };
}
