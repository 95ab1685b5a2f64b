// The scanners × issuers matrix of one city, period, mode and channel.
import type { AppContext } from '../app-context.js';
import type { Matrix } from '../contract/matrix.js';
import { Invalid } from '../http/errors.js';
import { cityExists, systemicInstitutionIds } from '../reference/repository.js';
import { addDeclaration, reconcileStatuses, type LinkStatus, type PairDeclarations } from '../state/reconcile.js';
import { declaredLinksInCity, type DeclaredLinkRow } from '../state/repository.js';
import { sharedDeclarations } from './shared-declarations.js';

export interface MatrixQuery {
  city: string;
  period: string;
  mode: Matrix['mode'];
  channel: Matrix['channel'];
}

export async function cityMatrix(ctx: AppContext, q: MatrixQuery): Promise<Matrix> {
  const [known, shared, systemic] = await Promise.all([cityExists(ctx.db, q.city), sharedDeclarations(ctx.db, q.period, q.mode, q.channel), systemicInstitutionIds(ctx.db)]);
  if (!known) throw new Invalid([{ code: 'UNKNOWN_CITY', message: `no prefecture-level city "${q.city}"`, path: '$.city' }]);
  const ownRows = await declaredLinksInCity(ctx.db, shared.reports.map((r) => r.id), q.city, q.mode, q.channel);

  // Validation refuses a city's row beside a '*' row for the same pair, so each report declares a pair once here.
  const institutionOf = new Map(shared.reports.map((r) => [r.id, r.institution]));
  const byPair = new Map<string, PairDeclarations>();
  const declare = (rows: readonly DeclaredLinkRow[]) => {
    for (const [reportId, scanner, issuer, status, since] of rows) addDeclaration(byPair, institutionOf.get(reportId)!, { scanner, issuer, status: status as LinkStatus, since });
  };
  declare(shared.allCityRows);
  declare(ownRows);
  const cells = reconcileStatuses(byPair.values(), new Map(shared.reports.map((r) => [r.institution, r.period])), q.period);

  const present = new Set(cells.flatMap((c) => [c.scanner, c.issuer]));
  const institutions = [...present].sort((a, b) => Number(systemic.has(b)) - Number(systemic.has(a)) || a.localeCompare(b));
  return { period: q.period, city: q.city, mode: q.mode, channel: q.channel, institutions, cells };
}
