// An institution's agreements as declared in its as-of report, each marked in force or not.
import type { AppContext } from '../app-context.js';
import type { InstitutionAgreements, InstitutionAgreementsQuery } from '../contract/institution-agreements.js';
import type { Principal } from '../domain/principal.js';
import { visibleInstitution } from '../reference/visible-institution.js';
import { reportAgreements } from '../reports/repository.js';
import { acceptedPeriods } from '../state/accepted-periods.js';
import { asOfReportRef, viewedPeriod } from '../state/as-of-report.js';
import { inForce } from '../state/period-state.js';

export async function agreementsOf(
  ctx: AppContext,
  principal: Principal,
  id: string,
  q: InstitutionAgreementsQuery,
): Promise<InstitutionAgreements> {
  const institution = await visibleInstitution(ctx.db, principal, id);
  const period = await viewedPeriod(ctx.db, acceptedPeriods(ctx), q.period);
  const report = period === null ? null : await asOfReportRef(ctx.db, institution.id, period);
  if (period === null || report === null) return { institution: institution.id, period, report: null, items: [] };
  const items = (await reportAgreements(ctx.db, report.id)).map((a) => ({
    ...a,
    reportId: report.id,
    version: report.version,
    reportPeriod: report.period,
    inForce: inForce(a, period),
  }));
  return { institution: institution.id, period, report, items };
}
