// What a rule is: an id, a version, a default severity, settings with defaults, a description in
// English and Chinese, and a pure evaluation of one period that returns its hits.
import type { z } from 'zod';
import type { Channel, Mode, PeriodState } from '../state/period-state.js';
import type { CityFingerprints } from './fingerprints.js';
import type { Wording } from './wording.js';

export type Severity = 'high' | 'medium' | 'low';

export interface InstitutionInfo {
  id: string;
  name: string;
  nameZh: string;
  group: string;
  systemic: boolean;
  active: boolean;
}

/** What a finding points to: a report row (a link) or an agreement of a report. */
export interface Evidence {
  reportId: number;
  version: number;
  institution: string;
  period: string;
  row?: number;
  agreementRef?: string;
  /**
   * Set by the merge, never by a rule: a later version of the report supersedes it. Kept on the
   * finding, since a correction never erases what the subject had declared.
   */
  superseded?: true;
}

export interface Text {
  en: string;
  zh: string;
}

/** One rule firing on one subject set and scope in one period. */
export interface Hit {
  fingerprint: string;
  subjects: string[];
  city: string | null;
  mode: Mode | null;
  channel: Channel | null;
  severity: Severity;
  explanation: Text;
  /**
   * The explanation for a subject that may not see every piece of the evidence (findings/subject-view.ts):
   * without other institutions' terms. Absent when the explanation names nothing of the kind.
   */
  subjectExplanation?: Text;
  evidence: Evidence[];
}

/** Everything a rule may look at for one period; built by the engine, never by a rule. */
export interface RuleInput {
  period: string;
  state: PeriodState;
  /** The period before, for rules that compare (SUSP-001); null at the first period. */
  previous: PeriodState | null;
  institutions: ReadonlyMap<string, InstitutionInfo>;
  /** Periods each institution has reported (any version). */
  reportedPeriods: ReadonlyMap<string, ReadonlySet<string>>;
  /** The latest period any institution has reported. */
  latestPeriod: string;
  now: Date;
  say: Wording;
  /** Makes the fingerprints of per-city hits, once a run. */
  fingerprints: CityFingerprints;
}

export interface Rule<S extends Record<string, number> = Record<string, number>> {
  id: string;
  version: number;
  title: Text;
  description: Text;
  defaultSeverity: Severity;
  settings: z.ZodType<S>;
  defaults: S;
  /** Reads only each institution's as-of report (state.reports), never links or agreements: a run of such rules alone does not read them. */
  reportsOnly?: boolean;
  /** Reads the previous period's state (costs a state build at the start of a range). */
  needsPrevious?: boolean;
  /**
   * Findings about one period each (the fingerprint names it): such a finding holds while the
   * condition holds for its period, not only in the latest one.
   */
  periodScoped?: boolean;
  /**
   * Whether a finding holds is judged at the latest period in which every one of its subjects has
   * reported, not at the latest period anyone reported: the condition needs all their reports
   * (CONS-001), so a month in which only some of them, or others, have reported says nothing yet.
   */
  judgedWhenSubjectsReported?: boolean;
  evaluate(input: RuleInput, settings: S): Hit[];
}
