import type { Obligation, Obligations } from '../core/api/api-types';
import { calendarFilterOf, daysUntil, filterObligations, summarise } from './reporting-calendar';

const submitted = (period: string, receivedAt: string, id: number, version = 1): Obligation => ({
  period,
  dueDate: `${period}-15`,
  status: 'submitted',
  report: { id, version, receivedAt, firstReceivedAt: receivedAt, onTime: true },
  finding: null,
});
const owed = (period: string, status: 'due' | 'late'): Obligation => ({
  period,
  dueDate: `${period}-15`,
  status,
  report: null,
  finding: null,
});

const CALENDAR: Obligations = {
  institution: 'alipay',
  active: true,
  dueDay: 15,
  today: '2026-11-25',
  nextDue: { period: '2026-11', dueDate: '2026-12-15' },
  items: [
    owed('2026-11', 'due'),
    owed('2026-10', 'late'),
    owed('2026-09', 'late'),
    submitted('2026-08', '2026-09-01T10:00:00.000Z', 8),
    submitted('2026-07', '2026-11-02T10:00:00.000Z', 9, 3),
  ],
};

describe('the reporting calendar', () => {
  it('counts what is owed and what came', () => {
    expect(summarise(CALENDAR).counts).toEqual({ all: 5, outstanding: 3, submitted: 2 });
  });

  it('lists late periods oldest first, the one to catch up on first', () => {
    expect(summarise(CALENDAR).late.map((o) => o.period)).toEqual(['2026-09', '2026-10']);
  });

  it('says how many days are left before the next deadline', () => {
    expect(summarise(CALENDAR).nextDue).toEqual({ period: '2026-11', dueDate: '2026-12-15', daysLeft: 20 });
    expect(summarise({ ...CALENDAR, nextDue: null }).nextDue).toBeNull();
    expect(daysUntil('2026-11-25', '2026-11-24')).toBe(-1);
  });

  it('takes the report received last as the latest receipt, even for an older period', () => {
    expect(summarise(CALENDAR).latestReport).toEqual({ id: 9, period: '2026-07', version: 3, receivedAt: '2026-11-02T10:00:00.000Z' });
    expect(summarise({ ...CALENDAR, items: [owed('2026-11', 'due')] }).latestReport).toBeNull();
  });

  it('filters by what is outstanding or submitted; anything else in the URL shows all', () => {
    expect(filterObligations(CALENDAR.items, 'outstanding').map((o) => o.status)).toEqual(['due', 'late', 'late']);
    expect(filterObligations(CALENDAR.items, 'submitted')).toHaveLength(2);
    expect(calendarFilterOf('nonsense')).toBe('all');
    expect(calendarFilterOf(undefined)).toBe('all');
    expect(calendarFilterOf('submitted')).toBe('submitted');
  });
});
