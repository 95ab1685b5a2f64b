// Pure reading of an institution's obligations: what the dashboard shows, testable without HTTP.
import type { Obligation, Obligations } from '../core/api/api-types';

/** Which periods the calendar table lists. */
export type CalendarFilter = 'all' | 'outstanding' | 'submitted';

export function calendarFilterOf(value: string | null | undefined): CalendarFilter {
  return value === 'outstanding' || value === 'submitted' ? value : 'all';
}

export function filterObligations(items: Obligation[], filter: CalendarFilter): Obligation[] {
  if (filter === 'outstanding') return items.filter((o) => o.status !== 'submitted');
  if (filter === 'submitted') return items.filter((o) => o.status === 'submitted');
  return items;
}

/** Whole days from `today` to `dueDate` (both YYYY-MM-DD): negative once past. */
export function daysUntil(today: string, dueDate: string): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export interface CalendarSummary {
  counts: Record<CalendarFilter, number>;
  /** Late periods, oldest first. */
  late: Obligation[];
  nextDue: { period: string; dueDate: string; daysLeft: number } | null;
  /** The report version received last, whatever its period. */
  latestReport: { id: number; period: string; version: number; receivedAt: string } | null;
}

export function summarise(o: Obligations): CalendarSummary {
  const submitted = o.items.filter((i) => i.status === 'submitted');
  const late = o.items.filter((i) => i.status === 'late').sort((a, b) => a.period.localeCompare(b.period));
  let latest: CalendarSummary['latestReport'] = null;
  for (const i of submitted) {
    if (i.report && (!latest || i.report.receivedAt > latest.receivedAt))
      latest = { id: i.report.id, period: i.period, version: i.report.version, receivedAt: i.report.receivedAt };
  }
  return {
    counts: { all: o.items.length, outstanding: o.items.length - submitted.length, submitted: submitted.length },
    late,
    nextDue: o.nextDue ? { ...o.nextDue, daysLeft: daysUntil(o.today, o.nextDue.dueDate) } : null,
    latestReport: latest,
  };
}
