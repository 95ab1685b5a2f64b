// Folds a rule run's outcomes into the stored findings: new fingerprints open, periods and evidence
// follow the data, the system resolves what no longer holds and reopens what holds again, and a
// dismissed finding keeps its status while new evidence is appended. A confirmed finding is the
// central bank's conclusion: the system only notes that its condition no longer holds. A correction
// erases nothing: evidence from a superseded version stays, marked, and firstPeriod never moves
// later. Pure: the run applies the changes it returns in one transaction.
import type { Evidence, Hit, Severity, Text } from '../rules/rule.js';
import type { Outcome } from '../rules/engine.js';
import { SYSTEM_RESOLVES, type FindingStatus } from './status-machine.js';

export interface StoredFinding extends FindingState {
  id: number;
  fingerprint: string;
  ruleId: string;
  subjects: string[];
}

export interface HistoryEntry {
  from: FindingStatus | null;
  to: FindingStatus;
  note: string;
}

export interface FindingState {
  ruleVersion: number;
  severity: Severity;
  status: FindingStatus;
  holds: boolean;
  periods: string[];
  /** The first period the finding was ever found to hold in: earlier than periods[0] when a correction took that period back. */
  firstPeriod: string | null;
  explanation: Text;
  /** What a subject that may not see every piece of evidence reads instead (the hit's subjectExplanation); null: the explanation. */
  subjectExplanation: Text | null;
  evidence: Evidence[];
}

export type Change =
  | { kind: 'insert'; fingerprint: string; ruleId: string; hit: Hit; state: FindingState; history: HistoryEntry[] }
  | {
      kind: 'update';
      id: number;
      /** The status the merge read: the update is written only while the finding still has it. */
      storedStatus: FindingStatus;
      state: FindingState;
      history: HistoryEntry[];
    };

export interface MergeInput {
  existing: readonly StoredFinding[];
  outcomes: ReadonlyMap<string, Outcome>;
  /** The range of periods that was evaluated: stored periods inside it are replaced. */
  from: string;
  to: string;
  /**
   * The period whose outcome says whether a finding of the rule on these subjects holds: the latest
   * period anyone reported, or for some rules the latest period all the subjects reported.
   */
  judgingPeriod(ruleId: string, subjects: readonly string[]): string;
  ruleVersion(ruleId: string): number;
  periodScoped(ruleId: string): boolean;
  /** Whether a later version of the evidence's report has been accepted. */
  superseded: (evidence: Evidence) => boolean;
}

const evidenceKey = (e: Evidence) => `${e.reportId}|${e.row ?? ''}|${e.agreementRef ?? ''}`;

/** The same row or agreement of the same report (what evidenceKey says), compared field by field: a merge compares tens of thousands. */
const sameItem = (x: Evidence, y: Evidence) =>
  x.reportId === y.reportId && (x.row ?? '') === (y.row ?? '') && (x.agreementRef ?? '') === (y.agreementRef ?? '');

function sameEvidence(a: readonly Evidence[], b: readonly Evidence[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameItem(a[i], b[i]) || a[i].superseded !== b[i].superseded) return false;
  return true;
}

/** Whether a hit's evidence is what the stored evidence names, its superseded items aside. */
function namesTheSame(hit: readonly Evidence[], stored: readonly Evidence[]): boolean {
  let i = 0;
  for (const y of stored) {
    if (y.superseded) continue;
    if (i === hit.length || !sameItem(hit[i++], y)) return false;
  }
  return i === hit.length;
}

const sameText = (a: Text | null, b: Text | null) => a === b || (a !== null && b !== null && a.en === b.en && a.zh === b.zh);

function samePeriods(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function describe(evidence: readonly Evidence[]): string {
  return evidence
    .map((e) =>
      `report ${e.reportId} v${e.version} (${e.institution} ${e.period}) ${e.agreementRef ? `agreement ${e.agreementRef}` : e.row !== undefined ? `row ${e.row}` : ''}`.trim(),
    )
    .join('; ');
}

/**
 * The evidence with the items of superseded reports marked, followed by the old evidence's items of
 * superseded reports that it no longer names: what a subject declared and then corrected away stays
 * on the finding, marked. The same whichever run comes first: a run over every city, or the one
 * after a correction (correction.ts), which moves only the items of the version it replaces.
 */
function keepingSuperseded(fresh: Evidence[], old: readonly Evidence[], superseded: (e: Evidence) => boolean): Evidence[] {
  // Nothing is copied unless something is marked or kept: a run merges tens of thousands of findings
  // and a correction touches few.
  let kept: Evidence[] | null = null;
  for (let i = 0; i < fresh.length; i++) {
    const e = fresh[i];
    if (!e.superseded && superseded(e)) (kept ??= fresh.slice(0, i)).push({ ...e, superseded: true });
    else kept?.push(e);
  }
  if (old === fresh) return kept ?? fresh;
  let named: Set<string> | null = null;
  for (const e of old) {
    if (!e.superseded && !superseded(e)) continue;
    named ??= new Set((kept ?? fresh).map(evidenceKey));
    if (named.has(evidenceKey(e))) continue;
    (kept ??= [...fresh]).push(e.superseded ? e : { ...e, superseded: true });
  }
  return kept ?? fresh;
}

const ascending = (periods: readonly string[]) => periods.every((p, i) => i === 0 || periods[i - 1] < p);

/** The stored periods kept outside the evaluated range and the outcome's, ascending and each once. */
export function mergedPeriods(kept: readonly string[], fresh: readonly string[]): string[] {
  // Both come ascending (stored ranges, and the walk over periods in order): merged in one pass,
  // not sorted again, for the tens of thousands of findings a big report's run merges.
  if (!ascending(kept) || !ascending(fresh)) return [...new Set([...kept, ...fresh])].sort();
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < fresh.length) {
    const next = j === fresh.length || (i < kept.length && kept[i] < fresh[j]) ? kept[i++] : fresh[j++];
    if (merged.length === 0 || merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/** Stored findings first, then the outcomes' new fingerprints, each once. */
function* fingerprintsOf(stored: ReadonlyMap<string, StoredFinding>, outcomes: ReadonlyMap<string, Outcome>): Generator<string> {
  yield* stored.keys();
  for (const fingerprint of outcomes.keys()) if (!stored.has(fingerprint)) yield fingerprint;
}

export function mergeOutcomes(input: MergeInput): Change[] {
  const { from, to } = input;
  const changes: Change[] = [];
  const byFingerprint = new Map(input.existing.map((f) => [f.fingerprint, f]));
  for (const fingerprint of fingerprintsOf(byFingerprint, input.outcomes)) {
    const old = byFingerprint.get(fingerprint);
    const outcome = input.outcomes.get(fingerprint);
    const kept = old ? old.periods.filter((p) => p < from || p > to) : [];
    const periods = mergedPeriods(kept, outcome?.periods ?? []);
    const ruleId = old?.ruleId ?? outcome!.ruleId;
    const judged = input.judgingPeriod(ruleId, old?.subjects ?? outcome!.hit.subjects);
    const holds = input.periodScoped(ruleId) ? periods.length > 0 : periods.includes(judged);

    if (!old) {
      if (!outcome) continue;
      const history: HistoryEntry[] = [{ from: null, to: 'open', note: `${ruleId} holds in ${outcome.periods[0]}` }];
      if (!holds) history.push({ from: 'open', to: 'resolved', note: `no longer holds in ${judged}; last held in ${periods.at(-1)}` });
      const { hit } = outcome;
      changes.push({
        kind: 'insert',
        fingerprint,
        ruleId,
        hit,
        state: {
          ruleVersion: input.ruleVersion(ruleId),
          severity: hit.severity,
          status: holds ? 'open' : 'resolved',
          holds,
          periods,
          firstPeriod: periods[0] ?? null,
          explanation: hit.explanation,
          subjectExplanation: hit.subjectExplanation ?? null,
          evidence: hit.evidence,
        },
        history,
      });
      continue;
    }

    // The current hit speaks for the finding when it is the latest period the finding held in.
    const current = outcome && outcome.periods.at(-1) === periods.at(-1) ? outcome.hit : undefined;
    const history: HistoryEntry[] = [];
    let status = old.status;
    // A finding a person resolved while it still held reopens once it holds in a later period than
    // it had held in; the same data run again, or a new version of the same month's report, does not.
    const heldLater = periods.length > 0 && (old.periods.length === 0 || periods.at(-1)! > old.periods.at(-1)!);
    if (SYSTEM_RESOLVES.has(old.status) && !holds) {
      status = 'resolved';
      history.push({
        from: old.status,
        to: status,
        note: periods.length ? `no longer holds in ${judged}; last held in ${periods.at(-1)}` : 'no longer holds in any period',
      });
    } else if (old.status === 'confirmed' && old.holds && !holds) {
      // A person resolves it: a subject's correction cannot undo the central bank's conclusion.
      const last = periods.length ? `last held in ${periods.at(-1)}` : 'it holds in no period of the reports as they stand';
      history.push({ from: status, to: status, note: `condition no longer holds as of ${judged}; ${last}` });
    } else if (old.status === 'confirmed' && !old.holds && holds) {
      history.push({ from: status, to: status, note: `condition holds again in ${periods.at(-1)}` });
    } else if (old.status === 'resolved' && holds && !old.holds) {
      status = 'open';
      history.push({ from: old.status, to: status, note: `holds again in ${periods.at(-1)}` });
    } else if (old.status === 'resolved' && holds && heldLater) {
      status = 'open';
      history.push({ from: old.status, to: status, note: `holds again in ${periods.at(-1)} after being resolved` });
    }

    let evidence = old.evidence;
    if (old.status === 'dismissed' && outcome) {
      const known = new Set(old.evidence.map(evidenceKey));
      const added = outcome.hit.evidence.filter((e) => !known.has(evidenceKey(e)));
      if (added.length > 0) {
        evidence = [...old.evidence, ...added];
        history.push({ from: status, to: status, note: `new evidence while dismissed: ${describe(added)}` });
      }
    } else if (current && !namesTheSame(current.evidence, old.evidence)) {
      evidence = current.evidence;
      // A new month's report moves lastPeriod, which says enough; a corrected report does not.
      if (periods.at(-1) === old.periods.at(-1) && history.length === 0)
        history.push({ from: status, to: status, note: `evidence updated: ${describe(evidence)}` });
    }
    evidence = keepingSuperseded(evidence, old.evidence, input.superseded);
    // The first period it held in stays though a correction takes that period back.
    const firstPeriod =
      old.firstPeriod !== null && (periods.length === 0 || old.firstPeriod < periods[0]) ? old.firstPeriod : (periods[0] ?? null);

    const state: FindingState = {
      ruleVersion: input.ruleVersion(ruleId),
      severity: current?.severity ?? old.severity,
      status,
      holds,
      periods,
      firstPeriod,
      explanation: current?.explanation ?? old.explanation,
      subjectExplanation: current ? (current.subjectExplanation ?? null) : old.subjectExplanation,
      evidence,
    };
    const unchanged =
      history.length === 0 &&
      state.ruleVersion === old.ruleVersion &&
      state.severity === old.severity &&
      state.holds === old.holds &&
      samePeriods(state.periods, old.periods) &&
      state.firstPeriod === old.firstPeriod &&
      state.explanation.en === old.explanation.en &&
      state.explanation.zh === old.explanation.zh &&
      sameText(state.subjectExplanation, old.subjectExplanation) &&
      sameEvidence(state.evidence, old.evidence);
    if (!unchanged) changes.push({ kind: 'update', id: old.id, storedStatus: old.status, state, history });
  }
  return changes;
}
