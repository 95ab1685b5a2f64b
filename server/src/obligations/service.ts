// An institution's reporting obligations: its submissions and LATE-001's current due day, laid on the calendar.
import type { AppContext } from '../app-context.js';
import type { Obligations } from '../contract/obligations.js';
import type { Principal } from '../domain/principal.js';
import { visibleInstitution } from '../reference/visible-institution.js';
import { currentDueDay } from '../rules/report-due-day.js';
import { acceptedPeriods } from '../state/accepted-periods.js';
import { obligationCalendar } from './calendar.js';
import { lateFindings, submittedVersions } from './repository.js';

export async function obligationsOf(ctx: AppContext, principal: Principal, id: string): Promise<Obligations> {
  const institution = await visibleInstitution(ctx.db, principal, id);
  const now = ctx.now();
  const [dueDay, versions, findings] = await Promise.all([
    currentDueDay(ctx.db, now),
    submittedVersions(ctx.db, institution.id),
    lateFindings(ctx.db, institution.id),
  ]);
  return obligationCalendar({
    institution: institution.id,
    active: institution.active,
    dueDay,
    now,
    accepted: acceptedPeriods(ctx),
    versions,
    findings,
  });
}
