import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rules/engine.js';
import type { Evidence, Hit } from '../rules/rule.js';
import { mergedPeriods, mergeOutcomes, type Change, type StoredFinding } from './merge.js';
import type { FindingStatus } from './status-machine.js';

const FINGERPRINT = 'EXCL-001|alipay|A-1';

/** Evidence from an agreement of alipay's report. */
function evidence(reportId: number, overrides: Partial<Evidence> = {}): Evidence {
  return { reportId, version: 1, institution: 'alipay', period: '2021-01', agreementRef: 'A-1', ...overrides };
}

function hit(overrides: Partial<Hit> = {}): Hit {
  return {
    fingerprint: FINGERPRINT,
    subjects: ['alipay', 'unionpay'],
    city: null,
    mode: null,
    channel: null,
    severity: 'high',
    explanation: { en: 'Alipay’s agreement A-1 is exclusive.', zh: '支付宝的协议 A-1 具有排他性。' },
    evidence: [evidence(1)],
    ...overrides,
  };
}

/** A rule run's outcome for one fingerprint: the periods it held in and its latest hit. */
function outcome(periods: string[], overrides: Partial<Hit> = {}): Outcome {
  const h = hit(overrides);
  return { ruleId: h.fingerprint.split('|')[0], periods, hit: h };
}

function stored(overrides: Partial<StoredFinding> = {}): StoredFinding {
  const h = hit();
  const periods = overrides.periods ?? ['2021-01'];
  return {
    id: 7,
    fingerprint: FINGERPRINT,
    ruleId: 'EXCL-001',
    subjects: h.subjects,
    ruleVersion: 1,
    severity: h.severity,
    status: 'open',
    holds: true,
    periods,
    firstPeriod: periods[0] ?? null,
    explanation: h.explanation,
    subjectExplanation: null,
    evidence: h.evidence,
    ...overrides,
  };
}

interface Run {
  existing?: StoredFinding[];
  outcomes?: Outcome[];
  from: string;
  to?: string;
  latestPeriod?: string;
  periodScoped?: boolean;
  ruleVersion?: number;
  /** The period a finding is judged at (default: the latest period anyone reported). */
  judgingPeriod?: (ruleId: string, subjects: readonly string[]) => string;
  /** The report ids a later version supersedes (default: none). */
  superseded?: number[];
}

function merge({
  existing = [],
  outcomes = [],
  from,
  to = from,
  latestPeriod = to,
  periodScoped = false,
  ruleVersion = 1,
  judgingPeriod = () => latestPeriod,
  superseded = [],
}: Run): Change[] {
  return mergeOutcomes({
    existing,
    outcomes: new Map(outcomes.map((o) => [o.hit.fingerprint, o])),
    from,
    to,
    judgingPeriod,
    ruleVersion: () => ruleVersion,
    periodScoped: () => periodScoped,
    superseded: (e) => superseded.includes(e.reportId),
  });
}

/** What the repository would store for a change: the finding the next run starts from. */
function applied(change: Change, before?: StoredFinding): StoredFinding {
  if (change.kind === 'insert')
    return { id: 7, fingerprint: change.fingerprint, ruleId: change.ruleId, subjects: change.hit.subjects, ...change.state };
  return { ...before!, ...change.state };
}

function onlyUpdate(changes: Change[]) {
  expect(changes).toHaveLength(1);
  const [change] = changes;
  if (change.kind !== 'update') throw new Error(`expected an update, got ${change.kind}`);
  return change;
}

describe('mergeOutcomes', () => {
  describe('a fingerprint seen for the first time', () => {
    it('opens a finding with the periods it held in, the hit’s evidence and an opening history entry', () => {
      const changes = merge({ outcomes: [outcome(['2021-01', '2021-02'])], from: '2021-01', to: '2021-02' });
      expect(changes).toEqual([
        {
          kind: 'insert',
          fingerprint: FINGERPRINT,
          ruleId: 'EXCL-001',
          hit: hit(),
          state: {
            ruleVersion: 1,
            severity: 'high',
            status: 'open',
            holds: true,
            periods: ['2021-01', '2021-02'],
            firstPeriod: '2021-01',
            explanation: hit().explanation,
            subjectExplanation: null,
            evidence: [evidence(1)],
          },
          history: [{ from: null, to: 'open', note: 'EXCL-001 holds in 2021-01' }],
        },
      ]);
    });

    it('records a finding that held only before the latest period as resolved, both steps in its history', () => {
      const changes = merge({ outcomes: [outcome(['2021-01'])], from: '2021-01', to: '2021-03' });
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({ kind: 'insert', state: { status: 'resolved', holds: false, periods: ['2021-01'] } });
      expect(changes[0].history).toEqual([
        { from: null, to: 'open', note: 'EXCL-001 holds in 2021-01' },
        { from: 'open', to: 'resolved', note: 'no longer holds in 2021-03; last held in 2021-01' },
      ]);
    });

    it('changes nothing for stored findings a run neither hit nor was asked about', () => {
      expect(merge({ from: '2021-01' })).toEqual([]);
    });
  });

  describe('running again', () => {
    it('changes nothing when the same outcomes are merged into what the first run stored', () => {
      const first = merge({ outcomes: [outcome(['2021-01', '2021-02'])], from: '2021-01', to: '2021-02' });
      const again = merge({ existing: [applied(first[0])], outcomes: [outcome(['2021-01', '2021-02'])], from: '2021-01', to: '2021-02' });
      expect(again).toEqual([]);
    });

    it('updates the stored finding instead of inserting another one for the same fingerprint', () => {
      const changes = merge({
        existing: [stored()],
        outcomes: [outcome(['2021-02'], { evidence: [evidence(2, { period: '2021-02' })] })],
        from: '2021-02',
      });
      expect(changes.map((c) => c.kind)).toEqual(['update']);
      expect(onlyUpdate(changes).id).toBe(7);
    });

    it('keeps the periods outside the evaluated range and replaces those inside it', () => {
      const existing = stored({ periods: ['2021-01', '2021-02', '2021-03'] });
      // A corrected 2021-02 report removes the condition for 2021-02 only.
      const change = onlyUpdate(merge({ existing: [existing], outcomes: [outcome(['2021-03'])], from: '2021-02', to: '2021-03' }));
      expect(change.state.periods).toEqual(['2021-01', '2021-03']);
      expect(change.state.status).toBe('open');
      expect(change.history).toEqual([]);
    });

    it('records a newer rule version on the finding', () => {
      const change = onlyUpdate(merge({ existing: [stored()], outcomes: [outcome(['2021-01'])], from: '2021-01', ruleVersion: 2 }));
      expect(change.state.ruleVersion).toBe(2);
    });
  });

  describe('when the condition stops holding in the latest period', () => {
    it.each<FindingStatus>(['open', 'acknowledged'])('resolves a finding that is %s, saying when it last held', (status) => {
      const change = onlyUpdate(merge({ existing: [stored({ status })], from: '2021-02' }));
      expect(change.state).toMatchObject({ status: 'resolved', holds: false, periods: ['2021-01'] });
      expect(change.history).toEqual([{ from: status, to: 'resolved', note: 'no longer holds in 2021-02; last held in 2021-01' }]);
    });

    it('resolves a finding that a corrected report leaves without any period, keeping its first period and marking its evidence superseded', () => {
      const change = onlyUpdate(merge({ existing: [stored()], from: '2021-01', superseded: [1] }));
      expect(change.state).toMatchObject({
        status: 'resolved',
        holds: false,
        periods: [],
        firstPeriod: '2021-01',
        evidence: [{ ...evidence(1), superseded: true }],
      });
      expect(change.history).toEqual([{ from: 'open', to: 'resolved', note: 'no longer holds in any period' }]);
    });

    it('keeps a confirmed finding confirmed, noting as of which period its condition no longer holds', () => {
      const change = onlyUpdate(merge({ existing: [stored({ status: 'confirmed' })], from: '2021-02' }));
      expect(change.state).toMatchObject({ status: 'confirmed', holds: false, periods: ['2021-01'] });
      expect(change.history).toEqual([
        { from: 'confirmed', to: 'confirmed', note: 'condition no longer holds as of 2021-02; last held in 2021-01' },
      ]);
    });

    it('keeps a confirmed finding confirmed when its subject corrects the only month it held in, its evidence kept and marked superseded', () => {
      const change = onlyUpdate(merge({ existing: [stored({ status: 'confirmed' })], from: '2021-01', superseded: [1] }));
      expect(change.state).toMatchObject({
        status: 'confirmed',
        holds: false,
        periods: [],
        firstPeriod: '2021-01',
        evidence: [{ ...evidence(1), superseded: true }],
      });
      expect(change.history).toEqual([
        {
          from: 'confirmed',
          to: 'confirmed',
          note: 'condition no longer holds as of 2021-01; it holds in no period of the reports as they stand',
        },
      ]);
    });

    it('notes once that a confirmed finding no longer holds, and again when it holds again', () => {
      const noLonger = stored({ status: 'confirmed', holds: false });
      expect(merge({ existing: [noLonger], from: '2021-02' })).toEqual([]);
      const change = onlyUpdate(merge({ existing: [noLonger], outcomes: [outcome(['2021-03'])], from: '2021-03' }));
      expect(change.state).toMatchObject({ status: 'confirmed', holds: true, periods: ['2021-01', '2021-03'] });
      expect(change.history).toEqual([{ from: 'confirmed', to: 'confirmed', note: 'condition holds again in 2021-03' }]);
    });

    it('resolves a finding whose condition held in earlier periods of the range but not in the latest', () => {
      const change = onlyUpdate(
        merge({ existing: [stored()], outcomes: [outcome(['2021-01', '2021-02'])], from: '2021-01', to: '2021-03' }),
      );
      expect(change.state).toMatchObject({ status: 'resolved', holds: false, periods: ['2021-01', '2021-02'] });
      expect(change.history).toEqual([{ from: 'open', to: 'resolved', note: 'no longer holds in 2021-03; last held in 2021-02' }]);
    });

    it('leaves a finding that is already resolved alone', () => {
      expect(merge({ existing: [stored({ status: 'resolved', holds: false })], from: '2021-02' })).toEqual([]);
    });

    it('leaves a dismissed finding dismissed when the condition stops holding, recording only that it no longer holds', () => {
      const change = onlyUpdate(merge({ existing: [stored({ status: 'dismissed' })], from: '2021-02' }));
      expect(change.state).toMatchObject({ status: 'dismissed', holds: false });
      expect(change.history).toEqual([]);
    });
  });

  describe('when the condition holds again', () => {
    it('reopens a resolved finding, with the period it holds in again', () => {
      const existing = stored({ status: 'resolved', holds: false });
      const change = onlyUpdate(
        merge({
          existing: [existing],
          outcomes: [outcome(['2021-03'], { evidence: [evidence(3, { period: '2021-03' })] })],
          from: '2021-03',
        }),
      );
      expect(change.state).toMatchObject({
        status: 'open',
        holds: true,
        periods: ['2021-01', '2021-03'],
        evidence: [evidence(3, { period: '2021-03' })],
      });
      expect(change.history).toEqual([{ from: 'resolved', to: 'open', note: 'holds again in 2021-03' }]);
    });

    it('reopens a finding that a person resolved while it still held once it holds in a later period', () => {
      const existing = stored({ status: 'resolved', holds: true });
      const change = onlyUpdate(merge({ existing: [existing], outcomes: [outcome(['2021-02'])], from: '2021-02' }));
      expect(change.state).toMatchObject({ status: 'open', holds: true, periods: ['2021-01', '2021-02'] });
      expect(change.history).toEqual([{ from: 'resolved', to: 'open', note: 'holds again in 2021-02 after being resolved' }]);
    });

    it('keeps a finding that a person resolved while it still held resolved when the same period is run again', () => {
      const existing = stored({ status: 'resolved', holds: true, periods: ['2021-01', '2021-02'] });
      expect(merge({ existing: [existing], outcomes: [outcome(['2021-01', '2021-02'])], from: '2021-01', to: '2021-02' })).toEqual([]);
    });

    it('keeps a finding that a person resolved while it still held resolved when a new version of that month’s report still carries it', () => {
      const existing = stored({ status: 'resolved', holds: true });
      const corrected = evidence(2, { version: 2 });
      const change = onlyUpdate(
        merge({ existing: [existing], outcomes: [outcome(['2021-01'], { evidence: [corrected] })], from: '2021-01' }),
      );
      expect(change.state).toMatchObject({ status: 'resolved', holds: true, periods: ['2021-01'], evidence: [corrected] });
      expect(change.history.map((h) => [h.from, h.to])).toEqual([['resolved', 'resolved']]);
    });

    it('keeps a finding that a person resolved while it still held resolved when a corrected earlier month fills a gap', () => {
      const existing = stored({ status: 'resolved', holds: true, periods: ['2021-01', '2021-03'] });
      const change = onlyUpdate(
        merge({ existing: [existing], outcomes: [outcome(['2021-02'])], from: '2021-02', to: '2021-02', latestPeriod: '2021-03' }),
      );
      expect(change.state).toMatchObject({ status: 'resolved', holds: true, periods: ['2021-01', '2021-02', '2021-03'] });
      expect(change.history).toEqual([]);
    });

    it('never reopens a dismissed finding', () => {
      const existing = stored({ status: 'dismissed', holds: false });
      const change = onlyUpdate(
        merge({
          existing: [existing],
          outcomes: [outcome(['2021-03'], { evidence: [evidence(3, { period: '2021-03' })] })],
          from: '2021-03',
        }),
      );
      expect(change.state).toMatchObject({ status: 'dismissed', holds: true, periods: ['2021-01', '2021-03'] });
      expect(change.history.map((h) => [h.from, h.to])).toEqual([['dismissed', 'dismissed']]);
    });
  });

  describe('rules judged when all the subjects have reported', () => {
    const CONS = 'CONS-001|icbc|alipay|440100|mpm|offline';
    const disputed = (periods: string[]): Outcome =>
      outcome(periods, {
        fingerprint: CONS,
        subjects: ['icbc', 'alipay'],
        city: '440100',
        mode: 'mpm',
        channel: 'offline',
        severity: 'low',
        evidence: [],
      });
    const acknowledged = () =>
      stored({
        fingerprint: CONS,
        ruleId: 'CONS-001',
        subjects: ['icbc', 'alipay'],
        severity: 'low',
        status: 'acknowledged',
        periods: ['2021-02'],
        evidence: [],
      });
    /** ICBC and Alipay both reported up to `common`; someone has reported 2021-03. */
    const judgedAt = (common: string) => (ruleId: string, subjects: readonly string[]) =>
      ruleId === 'CONS-001' && subjects.join() === 'icbc,alipay' ? common : '2021-03';

    it('leaves an acknowledged finding alone when only another institution has reported the next month', () => {
      expect(merge({ existing: [acknowledged()], from: '2021-03', judgingPeriod: judgedAt('2021-02') })).toEqual([]);
    });

    it('resolves it when both subjects reported the next month and the condition is gone', () => {
      const change = onlyUpdate(merge({ existing: [acknowledged()], from: '2021-03', judgingPeriod: judgedAt('2021-03') }));
      expect(change.state).toMatchObject({ status: 'resolved', holds: false, periods: ['2021-02'] });
      expect(change.history).toEqual([{ from: 'acknowledged', to: 'resolved', note: 'no longer holds in 2021-03; last held in 2021-02' }]);
    });

    it('keeps it acknowledged, one month longer, when both subjects reported the next month and the condition is still there', () => {
      const change = onlyUpdate(
        merge({ existing: [acknowledged()], outcomes: [disputed(['2021-03'])], from: '2021-03', judgingPeriod: judgedAt('2021-03') }),
      );
      expect(change.state).toMatchObject({ status: 'acknowledged', holds: true, periods: ['2021-02', '2021-03'] });
      expect(change.history).toEqual([]);
    });

    it('opens a new finding that holds in the last period its subjects reported together, though others reported later', () => {
      const changes = merge({ outcomes: [disputed(['2021-02'])], from: '2021-02', to: '2021-03', judgingPeriod: judgedAt('2021-02') });
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({ kind: 'insert', state: { status: 'open', holds: true, periods: ['2021-02'] } });
    });
  });

  describe('evidence', () => {
    it('appends new evidence to a dismissed finding, keeping the old, with a history note naming the report', () => {
      const existing = stored({ status: 'dismissed' });
      const later = evidence(3, { version: 2, period: '2021-03' });
      const change = onlyUpdate(merge({ existing: [existing], outcomes: [outcome(['2021-03'], { evidence: [later] })], from: '2021-03' }));
      expect(change.state.evidence).toEqual([evidence(1), later]);
      expect(change.history).toEqual([
        { from: 'dismissed', to: 'dismissed', note: 'new evidence while dismissed: report 3 v2 (alipay 2021-03) agreement A-1' },
      ]);
    });

    it('appends nothing to a dismissed finding when the evidence is already there', () => {
      const existing = stored({ status: 'dismissed', periods: ['2021-01', '2021-02'] });
      expect(merge({ existing: [existing], outcomes: [outcome(['2021-01', '2021-02'])], from: '2021-01', to: '2021-02' })).toEqual([]);
    });

    it('replaces the evidence when a new version of the same period’s report gives other evidence, noting it in the history', () => {
      const corrected = evidence(2, { version: 2 });
      const change = onlyUpdate(
        merge({ existing: [stored()], outcomes: [outcome(['2021-01'], { evidence: [corrected] })], from: '2021-01' }),
      );
      expect(change.state).toMatchObject({ status: 'open', periods: ['2021-01'], evidence: [corrected] });
      expect(change.history).toEqual([{ from: 'open', to: 'open', note: 'evidence updated: report 2 v2 (alipay 2021-01) agreement A-1' }]);
    });

    it('keeps the evidence of a superseded version after the new version’s, marked, and lists only the new in the note', () => {
      const corrected = evidence(2, { version: 2 });
      const change = onlyUpdate(
        merge({ existing: [stored()], outcomes: [outcome(['2021-01'], { evidence: [corrected] })], from: '2021-01', superseded: [1] }),
      );
      expect(change.state.evidence).toEqual([corrected, { ...evidence(1), superseded: true }]);
      expect(change.history).toEqual([{ from: 'open', to: 'open', note: 'evidence updated: report 2 v2 (alipay 2021-01) agreement A-1' }]);
      // Merged again (a run of every city after the correction's): nothing changes.
      expect(
        merge({
          existing: [applied(change, stored())],
          outcomes: [outcome(['2021-01'], { evidence: [corrected] })],
          from: '2021-01',
          superseded: [1],
        }),
      ).toEqual([]);
    });

    it('keeps superseded evidence when the next month’s report moves the evidence on', () => {
      const existing = stored({ evidence: [evidence(2, { version: 2 }), { ...evidence(1), superseded: true }] });
      const february = evidence(3, { period: '2021-02' });
      const change = onlyUpdate(
        merge({ existing: [existing], outcomes: [outcome(['2021-02'], { evidence: [february] })], from: '2021-02', superseded: [1] }),
      );
      expect(change.state.evidence).toEqual([february, { ...evidence(1), superseded: true }]);
    });

    it('marks superseded evidence of a dismissed finding where it stands, appending the new version’s', () => {
      const corrected = evidence(2, { version: 2 });
      const change = onlyUpdate(
        merge({
          existing: [stored({ status: 'dismissed' })],
          outcomes: [outcome(['2021-01'], { evidence: [corrected] })],
          from: '2021-01',
          superseded: [1],
        }),
      );
      expect(change.state.evidence).toEqual([{ ...evidence(1), superseded: true }, corrected]);
    });

    it('names the link row in the note when the evidence is a link', () => {
      const linkEvidence: Evidence = { reportId: 4, version: 1, institution: 'unionpay', period: '2021-01', row: 3 };
      const change = onlyUpdate(
        merge({ existing: [stored()], outcomes: [outcome(['2021-01'], { evidence: [linkEvidence] })], from: '2021-01' }),
      );
      expect(change.history[0].note).toBe('evidence updated: report 4 v1 (unionpay 2021-01) row 3');
    });

    it('takes the explanation for subjects of the latest hit, and drops it when the latest hit has none', () => {
      const subjectExplanation = { en: 'Alipay charges UnionPay more than others.', zh: '支付宝向银联收取的费率高于其他对手方。' };
      const change = onlyUpdate(merge({ existing: [stored()], outcomes: [outcome(['2021-01'], { subjectExplanation })], from: '2021-01' }));
      expect(change.state.subjectExplanation).toEqual(subjectExplanation);
      const without = onlyUpdate(merge({ existing: [applied(change, stored())], outcomes: [outcome(['2021-01'])], from: '2021-01' }));
      expect(without.state.subjectExplanation).toBeNull();
    });

    it('takes the severity and explanation of the latest hit', () => {
      const explanation = { en: 'Alipay charges 40 bps.', zh: '支付宝收取 40 个基点。' };
      const change = onlyUpdate(
        merge({
          existing: [stored({ severity: 'medium' })],
          outcomes: [outcome(['2021-01'], { severity: 'high', explanation })],
          from: '2021-01',
        }),
      );
      expect(change.state).toMatchObject({ severity: 'high', explanation });
    });

    it('keeps the explanation and evidence of the latest period held when only an earlier period of the range holds', () => {
      const existing = stored({ periods: ['2021-01', '2021-02'], evidence: [evidence(2, { period: '2021-02' })] });
      // Re-evaluating 2021-01 alone (a corrected January report); February is outside the range.
      const change = merge({
        existing: [existing],
        outcomes: [outcome(['2021-01'], { evidence: [evidence(5, { version: 2 })] })],
        from: '2021-01',
        to: '2021-01',
        latestPeriod: '2021-02',
      });
      expect(change).toEqual([]);
    });
  });

  describe('periods', () => {
    it('keeps the first period when a corrected report takes it back, and moves it earlier when a correction adds one', () => {
      const existing = stored({ periods: ['2021-01', '2021-02'] });
      const later = onlyUpdate(merge({ existing: [existing], outcomes: [outcome(['2021-02'])], from: '2021-01', to: '2021-02' }));
      expect(later.state).toMatchObject({ periods: ['2021-02'], firstPeriod: '2021-01', status: 'open' });
      const earlier = onlyUpdate(
        merge({
          existing: [stored({ periods: ['2021-02'] })],
          outcomes: [outcome(['2021-01'])],
          from: '2021-01',
          to: '2021-01',
          latestPeriod: '2021-02',
        }),
      );
      expect(earlier.state).toMatchObject({ periods: ['2021-01', '2021-02'], firstPeriod: '2021-01' });
    });

    it('moves lastPeriod on as new periods hold, without a history entry for the new month’s evidence', () => {
      const existing = stored();
      const change = onlyUpdate(
        merge({
          existing: [existing],
          outcomes: [outcome(['2021-02'], { evidence: [evidence(2, { period: '2021-02' })] })],
          from: '2021-02',
        }),
      );
      expect(change.state).toMatchObject({
        status: 'open',
        holds: true,
        periods: ['2021-01', '2021-02'],
        evidence: [evidence(2, { period: '2021-02' })],
      });
      expect(change.history).toEqual([]);
    });

    it('keeps a gap between the periods a finding held in', () => {
      const existing = stored({ status: 'resolved', holds: false, periods: ['2021-01'] });
      const first = onlyUpdate(merge({ existing: [existing], outcomes: [outcome(['2021-03'])], from: '2021-02', to: '2021-03' }));
      expect(first.state.periods).toEqual(['2021-01', '2021-03']);
      const next = merge({ existing: [applied(first, existing)], outcomes: [outcome(['2021-03'])], from: '2021-02', to: '2021-03' });
      expect(next).toEqual([]);
    });
  });

  describe('period-scoped rules', () => {
    const late = (period: string): Outcome =>
      outcome([period], { fingerprint: `LATE-001|icbc|${period}`, subjects: ['icbc'], severity: 'low', evidence: [] });

    it('keeps a finding about its own period open while that period holds, though later periods were reported', () => {
      const changes = merge({ outcomes: [late('2021-01')], from: '2021-01', to: '2021-03', periodScoped: true });
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({
        kind: 'insert',
        fingerprint: 'LATE-001|icbc|2021-01',
        state: { status: 'open', holds: true, periods: ['2021-01'] },
      });
    });

    it('would resolve the same outcome at once were the rule not period-scoped', () => {
      const changes = merge({ outcomes: [late('2021-01')], from: '2021-01', to: '2021-03', periodScoped: false });
      expect(changes[0]).toMatchObject({ state: { status: 'resolved', holds: false } });
    });

    it('resolves a period-scoped finding when its period no longer holds (the report arrived)', () => {
      const existing = stored({
        fingerprint: 'LATE-001|icbc|2021-01',
        ruleId: 'LATE-001',
        severity: 'low',
        periods: ['2021-01'],
        evidence: [],
      });
      const change = onlyUpdate(merge({ existing: [existing], from: '2021-01', to: '2021-03', periodScoped: true }));
      expect(change.state).toMatchObject({ status: 'resolved', holds: false, periods: [] });
      expect(change.history).toEqual([{ from: 'open', to: 'resolved', note: 'no longer holds in any period' }]);
    });

    it('leaves a period-scoped finding alone when a run over later periods does not touch its period', () => {
      const existing = stored({
        fingerprint: 'LATE-001|icbc|2021-01',
        ruleId: 'LATE-001',
        severity: 'low',
        periods: ['2021-01'],
        evidence: [],
      });
      expect(merge({ existing: [existing], from: '2021-02', to: '2021-03', periodScoped: true })).toEqual([]);
    });
  });
});

describe('mergedPeriods', () => {
  it('equals the kept and fresh periods sorted, each once, whether or not they come ascending', () => {
    const period = fc.integer({ min: 0, max: 30 }).map((n) => `20${20 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`);
    const list = fc.oneof(
      fc.array(period, { maxLength: 12 }),
      fc.uniqueArray(period, { maxLength: 12 }).map((a) => a.sort()),
    );
    fc.assert(
      fc.property(list, list, (kept, fresh) => {
        expect(mergedPeriods(kept, fresh)).toEqual([...new Set([...kept, ...fresh])].sort());
      }),
      { numRuns: 2000 },
    );
  });
});
