// An institution's links by city as of a period, read from the reconciled period state.
import type { AppContext } from '../app-context.js';
import type { InstitutionLinks, InstitutionLinksQuery } from '../contract/institution-links.js';
import type { Principal } from '../domain/principal.js';
import { listCities } from '../reference/repository.js';
import { visibleInstitution } from '../reference/visible-institution.js';
import { acceptedPeriods } from '../state/accepted-periods.js';
import { asOfReportRef, viewedPeriod } from '../state/as-of-report.js';
import { StateLoader } from '../state/state-loader.js';
import { linkGroupsOf } from './link-groups.js';

export async function linksOf(ctx: AppContext, principal: Principal, id: string, q: InstitutionLinksQuery): Promise<InstitutionLinks> {
  const institution = await visibleInstitution(ctx.db, principal, id);
  const period = await viewedPeriod(ctx.db, acceptedPeriods(ctx), q.period);
  const answer = { institution: institution.id, period, mode: q.mode, channel: q.channel };
  if (period === null) return { ...answer, report: null, cityCount: 0, groups: [] };
  const cities = await listCities(ctx.db);
  const [state, report] = await Promise.all([
    new StateLoader(
      ctx.db,
      cities.map((c) => c.code),
    ).stateAt(period),
    asOfReportRef(ctx.db, institution.id, period),
  ]);
  const groups = linkGroupsOf(state.groups(q.mode, q.channel), institution.id);
  return { ...answer, report, cityCount: groups.reduce((n, g) => n + g.cities.length, 0), groups };
}
