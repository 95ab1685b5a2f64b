// The scanners × issuers matrix of one city, period, mode and channel.
import type { AppContext } from '../app-context.js';
import type { Matrix } from '../contract/matrix.js';
import { Invalid } from '../http/errors.js';
import { cityExists, systemicInstitutionIds } from '../reference/repository.js';
import { reconcileDeclarations, type DeclaringReport, type LinkStatus } from '../state/reconcile.js';
import { asOfReports, declaredLinksInCity } from '../state/repository.js';

export interface MatrixQuery {
  city: string;
  period: string;
  mode: Matrix['mode'];
  channel: Matrix['channel'];
}

export async function cityMatrix(ctx: AppContext, q: MatrixQuery): Promise<Matrix> {
  if (!(await cityExists(ctx.db, q.city))) throw new Invalid([{ code: 'UNKNOWN_CITY', message: `no prefecture-level city "${q.city}"`, path: '$.city' }]);
  const reports = await asOfReports(ctx.db, q.period);
  const rows = await declaredLinksInCity(ctx.db, reports.map((r) => r.id), q.city, q.mode, q.channel);
  const byReport = new Map<number, DeclaringReport>(reports.map((r) => [r.id, { institution: r.institution, period: r.period, declarations: [] }]));
  for (const row of rows) byReport.get(row.reportId)?.declarations.push({ scanner: row.scanner, issuer: row.issuer, status: row.status as LinkStatus, since: row.since });
  const cells = reconcileDeclarations([...byReport.values()], q.period).map(({ scanner, issuer, status, since, reconciliation }) => ({ scanner, issuer, status, since, reconciliation }));

  const systemic = await systemicInstitutionIds(ctx.db);
  const present = new Set(cells.flatMap((c) => [c.scanner, c.issuer]));
  const institutions = [...present].sort((a, b) => Number(systemic.has(b)) - Number(systemic.has(a)) || a.localeCompare(b));
  return { period: q.period, city: q.city, mode: q.mode, channel: q.channel, institutions, cells };
}
