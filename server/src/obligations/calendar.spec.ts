import { describe, expect, it } from 'vitest';
import { obligationCalendar, type CalendarInput } from './calendar.js';

const base: CalendarInput = {
  institution: 'bank1',
  active: true,
  dueDay: 15,
  now: new Date('2025-03-16T00:00:00Z'),
  accepted: { earliest: '2015-01', latest: '2025-03' },
  versions: [],
  findings: [],
};
const version = (period: string, version: number, receivedAt: string, id = version) => ({ id, period, version, receivedAt });
const statuses = (input: Partial<CalendarInput>) => obligationCalendar({ ...base, ...input }).items.map((i) => [i.period, i.status]);

describe('the reporting calendar', () => {
  it('is late from the day after the due date, never on it', () => {
    const versions = [version('2025-01', 1, '2025-02-01T00:00:00Z')];
    expect(statuses({ versions, now: new Date('2025-03-15T23:59:59Z') })).toEqual([
      ['2025-03', 'due'],
      ['2025-02', 'due'],
      ['2025-01', 'submitted'],
    ]);
    expect(statuses({ versions })).toEqual([
      ['2025-03', 'due'],
      ['2025-02', 'late'],
      ['2025-01', 'submitted'],
    ]);
  });

  it('judges punctuality by the first version and shows the latest', () => {
    const item = obligationCalendar({
      ...base,
      versions: [version('2025-02', 2, '2025-03-20T00:00:00Z', 9), version('2025-02', 1, '2025-03-15T12:00:00Z', 4)],
    }).items[1];
    expect(item.report).toEqual({
      id: 9,
      version: 2,
      receivedAt: '2025-03-20T00:00:00Z',
      firstReceivedAt: '2025-03-15T12:00:00Z',
      onTime: true,
    });
  });

  it('owes nothing for an inactive institution beyond what it reported, and nothing at all if it never did', () => {
    expect(statuses({ active: false, versions: [version('2025-01', 1, '2025-02-01T00:00:00Z')] })).toEqual([['2025-01', 'submitted']]);
    expect(obligationCalendar({ ...base, active: false })).toMatchObject({ items: [], nextDue: null });
  });

  it('names the earliest period still due as the next deadline', () => {
    expect(
      obligationCalendar({ ...base, now: new Date('2025-03-10T00:00:00Z'), versions: [version('2025-01', 1, '2025-02-01T00:00:00Z')] })
        .nextDue,
    ).toEqual({ period: '2025-02', dueDate: '2025-03-15' });
  });
});
