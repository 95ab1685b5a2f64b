// The scanners × issuers matrix of one city, period, mode and channel.
import type { AppContext } from '../app-context.js';
import type { Matrix } from '../contract/matrix.js';
import { Invalid } from '../http/errors.js';
import { cityExists, systemicInstitutionIds } from '../reference/repository.js';
import { addDeclaration, reconcileStatuses, type LinkStatus, type PairDeclarations } from '../state/reconcile.js';
import { asOfReports, declaredLinksInCity } from '../state/repository.js';

export interface MatrixQuery {
  city: string;
  period: string;
  mode: Matrix['mode'];
  channel: Matrix['channel'];
}

export async function cityMatrix(ctx: AppContext, q: MatrixQuery): Promise<Matrix> {
  const [known, reports, systemic] = await Promise.all([cityExists(ctx.db, q.city), asOfReports(ctx.db, q.period), systemicInstitutionIds(ctx.db)]);
  if (!known) throw new Invalid([{ code: 'UNKNOWN_CITY', message: `no prefecture-level city "${q.city}"`, path: '$.city' }]);
  const rows = await declaredLinksInCity(ctx.db, reports.map((r) => r.id), q.city, q.mode, q.channel);

  // Each report's rows in report order, so that a later row of one report replaces an earlier one.
  const institutionOf = new Map(reports.map((r) => [r.id, r.institution]));
  const byPair = new Map<string, PairDeclarations>();
  for (const [reportId, scanner, issuer, status, since] of rows) {
    const institution = institutionOf.get(reportId);
    if (institution !== undefined) addDeclaration(byPair, institution, { scanner, issuer, status: status as LinkStatus, since });
  }
  const cells = reconcileStatuses(byPair.values(), new Map(reports.map((r) => [r.institution, r.period])), q.period);

  const present = new Set(cells.flatMap((c) => [c.scanner, c.issuer]));
  const institutions = [...present].sort((a, b) => Number(systemic.has(b)) - Number(systemic.has(a)) || a.localeCompare(b));
  return { period: q.period, city: q.city, mode: q.mode, channel: q.channel, institutions, cells };
}
