// LATE-001: an active institution has not reported for a period once the due day has passed.
// One finding per missing period: each report is its own obligation, and the finding resolves
// when that report arrives.
import { z } from 'zod';
import { nextPeriod } from '../state/periods.js';
import type { Hit, Rule } from './rule.js';
import { dateZh, periodZh } from '../text/chinese-dates.js';

const settings = z.strictObject({ dueDay: z.number().int().min(1).max(28) });

/** The day a period's report is due: day `dueDay` of the following month (YYYY-MM-DD). */
export function reportDueDate(period: string, dueDay: number): string {
  return `${nextPeriod(period)}-${String(dueDay).padStart(2, '0')}`;
}

/** Whether a period's report is overdue at `now`: from the day after its due date (UTC), never on it. */
export function isPastDue(period: string, dueDay: number, now: Date): boolean {
  return now.toISOString().slice(0, 10) > reportDueDate(period, dueDay);
}

export const missingReport: Rule<z.infer<typeof settings>> = {
  id: 'LATE-001',
  version: 1,
  defaultSeverity: 'low',
  title: { en: 'Missing report', zh: '报告缺失' },
  description: {
    en: 'An active institution has no report for a period after day dueDay of the following month, for every period from its first report up to the latest period any institution has reported.',
    zh: '活跃机构在次月的参数“次月报送截止日”之后仍未提交某期报告（从其首次报告的期次起，至任一机构已报告的最新期次止）。',
  },
  settings,
  defaults: { dueDay: 15 },
  periodScoped: true,
  reportsOnly: true,
  evaluate({ period, state, institutions, reportedPeriods, latestPeriod, now, say }, s) {
    const due = reportDueDate(period, s.dueDay);
    if (period > latestPeriod || !isPastDue(period, s.dueDay, now)) return [];
    const hits: Hit[] = [];
    for (const [id, periods] of reportedPeriods) {
      if (!institutions.get(id)?.active || periods.has(period)) continue;
      const first = [...periods].reduce((a, b) => (a < b ? a : b));
      if (period < first) continue;
      const name = say.institution(id);
      const carried = state.reports.get(id);
      hits.push({
        fingerprint: `LATE-001|${id}|${period}`,
        subjects: [id],
        city: null,
        mode: null,
        channel: null,
        severity: 'low',
        explanation: {
          en: `${name.en} has not submitted its report for ${period}, due by ${due}${carried ? `; its report for ${carried.period} is carried forward` : ''}.`,
          zh: `${name.zh}未提交${periodZh(period)}的报告（截止日期${dateZh(due)}）${carried ? `；暂沿用其${periodZh(carried.period)}的报告` : ''}。`,
        },
        evidence: carried ? [{ reportId: carried.id, version: carried.version, institution: id, period: carried.period }] : [],
      });
    }
    return hits;
  },
};
