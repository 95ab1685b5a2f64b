// An institution's reporting calendar from what it submitted, LATE-001's due day and today. Pure.
import type { Obligation, Obligations } from '../contract/obligations.js';
import type { FindingStatus } from '../findings/status-machine.js';
import { isPastDue, reportDueDate } from '../rules/late-001-missing-report.js';
import { isAcceptedPeriod, type AcceptedPeriods } from '../state/accepted-periods.js';
import { periodsBetween } from '../state/periods.js';
import type { LateFinding, SubmittedVersion } from './repository.js';

export interface CalendarInput {
  institution: string;
  active: boolean;
  dueDay: number;
  now: Date;
  /** Versions outside these periods (stored before the period checks) are not on the calendar. */
  accepted: AcceptedPeriods;
  /** Every version the institution submitted, any order. */
  versions: readonly SubmittedVersion[];
  findings: readonly LateFinding[];
}

/**
 * Every period from the first report to the current month (or the latest reported, if later);
 * an active institution that never reported owes the current month only, an inactive one nothing
 * but what it reported. Newest first.
 */
export function obligationCalendar({ institution, active, dueDay, now, accepted, versions, findings }: CalendarInput): Obligations {
  const byPeriod = new Map<string, SubmittedVersion[]>();
  for (const v of versions) {
    // A report of 0001-01 would otherwise lay out every month since.
    if (isAcceptedPeriod(accepted, v.period)) (byPeriod.get(v.period) ?? byPeriod.set(v.period, []).get(v.period)!).push(v);
  }
  const currentMonth = now.toISOString().slice(0, 7);
  const reported = [...byPeriod.keys()].sort();
  const first = reported[0] ?? currentMonth;
  const last = reported.length > 0 && reported.at(-1)! > currentMonth ? reported.at(-1)! : currentMonth;
  const findingOf = new Map(findings.map((f) => [f.period, { id: f.id, status: f.status as FindingStatus }]));

  const items: Obligation[] = [];
  for (const period of periodsBetween(first, last)) {
    const dueDate = reportDueDate(period, dueDay);
    const finding = findingOf.get(period) ?? null;
    const sent = byPeriod.get(period);
    if (sent) {
      const ordered = [...sent].sort((a, b) => a.version - b.version);
      const [firstVersion, latest] = [ordered[0], ordered.at(-1)!];
      const onTime = firstVersion.receivedAt.slice(0, 10) <= dueDate;
      items.push({
        period,
        dueDate,
        status: 'submitted',
        report: { id: latest.id, version: latest.version, receivedAt: latest.receivedAt, firstReceivedAt: firstVersion.receivedAt, onTime },
        finding,
      });
    } else if (active) {
      items.push({ period, dueDate, status: isPastDue(period, dueDay, now) ? 'late' : 'due', report: null, finding });
    }
  }
  const nextDue = items.find((i) => i.status === 'due');
  return {
    institution,
    active,
    dueDay,
    today: now.toISOString().slice(0, 10),
    nextDue: nextDue ? { period: nextDue.period, dueDate: nextDue.dueDate } : null,
    items: items.reverse(),
  };
}
