// Folds a rule run's outcomes into the stored findings: new fingerprints open, periods and evidence
// follow the data, the system resolves what no longer holds and reopens what holds again, and a
// dismissed finding keeps its status while new evidence is appended. Pure: the run applies the
// changes it returns in one transaction.
import type { Evidence, Hit, Severity, Text } from '../rules/rule.js';
import type { Outcome } from '../rules/engine.js';
import { ACTIVE, type FindingStatus } from './status-machine.js';

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
  explanation: Text;
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
}

const evidenceKey = (e: Evidence) => `${e.reportId}|${e.row ?? ''}|${e.agreementRef ?? ''}`;

/** Evidence naming the same rows and agreements (what evidenceKey says), compared field by field: a merge compares tens of thousands. */
function sameEvidence(a: readonly Evidence[], b: readonly Evidence[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.reportId !== y.reportId || (x.row ?? '') !== (y.row ?? '') || (x.agreementRef ?? '') !== (y.agreementRef ?? '')) return false;
  }
  return true;
}

function samePeriods(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function describe(evidence: readonly Evidence[]): string {
  return evidence.map((e) => `report ${e.reportId} v${e.version} (${e.institution} ${e.period}) ${e.agreementRef ? `agreement ${e.agreementRef}` : e.row !== undefined ? `row ${e.row}` : ''}`.trim()).join('; ');
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
        state: { ruleVersion: input.ruleVersion(ruleId), severity: hit.severity, status: holds ? 'open' : 'resolved', holds, periods, explanation: hit.explanation, evidence: hit.evidence },
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
    if (ACTIVE.has(old.status) && !holds) {
      status = 'resolved';
      history.push({ from: old.status, to: status, note: periods.length ? `no longer holds in ${judged}; last held in ${periods.at(-1)}` : 'no longer holds in any period' });
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
    } else if (current && !sameEvidence(current.evidence, old.evidence)) {
      evidence = current.evidence;
      // A new month's report moves lastPeriod, which says enough; a corrected report does not.
      if (periods.at(-1) === old.periods.at(-1) && history.length === 0) history.push({ from: status, to: status, note: `evidence updated: ${describe(evidence)}` });
    }

    const state: FindingState = {
      ruleVersion: input.ruleVersion(ruleId),
      severity: current?.severity ?? old.severity,
      status,
      holds,
      periods,
      explanation: current?.explanation ?? old.explanation,
      evidence,
    };
    const unchanged =
      history.length === 0 &&
      state.ruleVersion === old.ruleVersion &&
      state.severity === old.severity &&
      state.holds === old.holds &&
      samePeriods(state.periods, old.periods) &&
      state.explanation.en === old.explanation.en &&
      state.explanation.zh === old.explanation.zh &&
      sameEvidence(state.evidence, old.evidence);
    if (!unchanged) changes.push({ kind: 'update', id: old.id, storedStatus: old.status, state, history });
  }
  return changes;
}
