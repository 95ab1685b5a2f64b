// The Chinese of the notes the rule engine writes in a finding's history (merge.ts). They are stored
// as written, in English; their Chinese is derived from their known forms when a finding is read,
// so that every entry, old or new, reads in both languages without rewriting the history table.
// A form added to merge.ts needs its Chinese here (system-notes.spec.ts lists every form).

import { periodZh } from '../text/chinese-dates.js';

const PERIOD = String.raw`\d{4}-\d{2}`;

/** One item of merge.ts's evidence list: "report 12 v1 (alipay 2021-01) agreement ALI-1" or "… row 5". */
const EVIDENCE_ITEM = new RegExp(
  String.raw`report (\d+) v(\d+) \(([a-z0-9-]+) (${PERIOD})\)(?: agreement (.*?)| row (\d+))?(?=; report \d+ v\d+ \(|$)`,
  'gs',
);

function evidenceZh(list: string): string {
  return list
    .replace(EVIDENCE_ITEM, (_all, report: string, version: string, institution: string, period: string, ref?: string, row?: string) => {
      const where = ref !== undefined ? `协议 ${ref}` : row !== undefined ? `第 ${row} 行` : '';
      return `报告 ${report} 第 ${version} 版（${institution} ${periodZh(period)}）${where}`;
    })
    .replaceAll('; 报告 ', '；报告 ');
}

const FORMS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [new RegExp(`^([A-Z]+-\\d{3}) holds in (${PERIOD})$`), (m) => `${m[1]} 在${periodZh(m[2])}成立`],
  [
    new RegExp(`^no longer holds in (${PERIOD}); last held in (${PERIOD})$`),
    (m) => `在${periodZh(m[1])}已不再成立；最后成立于${periodZh(m[2])}`,
  ],
  [/^no longer holds in any period$/, () => '在任何期间均不再成立'],
  [
    new RegExp(`^condition no longer holds as of (${PERIOD}); last held in (${PERIOD})$`),
    (m) => `自${periodZh(m[1])}起条件不再成立；最后成立于${periodZh(m[2])}`,
  ],
  [
    new RegExp(`^condition no longer holds as of (${PERIOD}); it holds in no period of the reports as they stand$`),
    (m) => `自${periodZh(m[1])}起条件不再成立；按现有报告，任何期间均不成立`,
  ],
  [new RegExp(`^condition holds again in (${PERIOD})$`), (m) => `条件在${periodZh(m[1])}再次成立`],
  [new RegExp(`^holds again in (${PERIOD}) after being resolved$`), (m) => `已解决后在${periodZh(m[1])}再次成立`],
  [new RegExp(`^holds again in (${PERIOD})$`), (m) => `在${periodZh(m[1])}再次成立`],
  // Institutions read these two without the evidence list (subject-view.ts visibleNote).
  [/^new evidence while dismissed$/, () => '已排除期间出现新证据'],
  [/^evidence updated$/, () => '证据已更新'],
  [/^new evidence while dismissed: (.*)$/s, (m) => `已排除期间出现新证据：${evidenceZh(m[1])}`],
  [/^evidence updated: (.*)$/s, (m) => `证据已更新：${evidenceZh(m[1])}`],
];

/**
 * The Chinese of a history entry's note: derived for the rule engine's ("system") notes, the note
 * itself for a system note of no known form, null for a person's note (it is theirs, in their words).
 */
export function noteZh(actor: string, note: string | null): string | null {
  if (actor !== 'system' || note === null) return null;
  for (const [form, chinese] of FORMS) {
    const match = form.exec(note);
    if (match) return chinese(match);
  }
  return note;
}
