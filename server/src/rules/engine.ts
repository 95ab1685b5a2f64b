// Evaluates rules over a range of periods, walking the periods in order so that each report is read
// once, and collects for every fingerprint the periods it held in and its latest hit.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { rawRows, type Db } from '../db/database.js';
import { listCities, listInstitutions } from '../reference/repository.js';
import type { AcceptedPeriods } from '../state/accepted-periods.js';
import { CHANNELS, MODES, type PeriodState } from '../state/period-state.js';
import { periodsBetween, previousPeriod } from '../state/periods.js';
import { StateLoader } from '../state/state-loader.js';
import type { Hit, InstitutionInfo, Rule, RuleInput } from './rule.js';
import { CityFingerprints } from './fingerprints.js';
import { Wording } from './wording.js';

export interface ConfiguredRule {
  rule: Rule;
  settings: Record<string, number>;
}

/** Reference data and report calendar every rule run needs. */
export interface World {
  institutions: ReadonlyMap<string, InstitutionInfo>;
  cityCodes: readonly string[];
  reportedPeriods: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each institution's latest version of its report of each period: an earlier version is superseded. */
  latestVersions: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** The latest period any institution has reported; null with no reports at all. */
  latestPeriod: string | null;
  firstPeriod: string | null;
  say: Wording;
}

/**
 * Reports outside the accepted periods (stored before the period checks, or before EARLIEST_PERIOD
 * was raised) are left out: the runs' spans, from the first reported period to the latest, then lie
 * within the accepted periods, and LATE-001 counts no obligation from such a report.
 */
export async function loadWorld(db: Db, accepted: AcceptedPeriods): Promise<World> {
  const [institutions, cities, reported] = await Promise.all([
    listInstitutions(db),
    listCities(db),
    // Each reported (institution, period) has one latest version: read through the index on
    // (latest, period, institution), as arrays (every run reads all 12,000 of a national database).
    rawRows(
      db,
      db
        .selectFrom('reports')
        .select(['institution', 'period', 'version'])
        .where('latest', '=', 1)
        .where('period', '>=', accepted.earliest)
        .where('period', '<=', accepted.latest),
    ) as Promise<[institution: string, period: string, version: number][]>,
  ]);
  const infos = new Map(institutions.map((i) => [i.id, i]));
  const reportedPeriods = new Map<string, Set<string>>();
  const latestVersions = new Map<string, Map<string, number>>();
  let latestPeriod: string | null = null;
  let firstPeriod: string | null = null;
  for (const [institution, period, version] of reported) {
    (reportedPeriods.get(institution) ?? reportedPeriods.set(institution, new Set()).get(institution)!).add(period);
    (latestVersions.get(institution) ?? latestVersions.set(institution, new Map()).get(institution)!).set(period, version);
    if (latestPeriod === null || period > latestPeriod) latestPeriod = period;
    if (firstPeriod === null || period < firstPeriod) firstPeriod = period;
  }
  return {
    institutions: infos,
    cityCodes: cities.map((c) => c.code),
    reportedPeriods,
    latestVersions,
    latestPeriod,
    firstPeriod,
    say: new Wording(infos, new Map(cities.map((c) => [c.code, c]))),
  };
}

/**
 * The period at which a finding of this rule on these subjects is judged to hold or not: the latest
 * period anyone reported, or, for a rule judged when its subjects have reported, the latest period
 * every subject reported (the latest period anyone reported if they never reported together).
 */
export function judgingPeriod(
  world: Pick<World, 'reportedPeriods'>,
  latestPeriod: string,
  rule: Rule | undefined,
  subjects: readonly string[],
): string {
  if (!rule?.judgedWhenSubjectsReported || subjects.length === 0) return latestPeriod;
  const [first, ...others] = [...new Set(subjects)].map((s) => world.reportedPeriods.get(s) ?? new Set<string>());
  let latest: string | undefined;
  for (const period of first) {
    if ((latest === undefined || period > latest) && others.every((o) => o.has(period))) latest = period;
  }
  return latest ?? latestPeriod;
}

/** The periods whose states runs keep for the next run (see kept-states.ts): those a report of the latest period, or of the month after it, needs. */
function keptFrom(latestPeriod: string): string {
  return previousPeriod(latestPeriod);
}

/**
 * Builds the states a run after a report of the latest period needs, so that the first such run
 * after start-up finds them made, as later ones do.
 */
export async function prepareLatestStates(db: Db, accepted: AcceptedPeriods): Promise<void> {
  const world = await loadWorld(db, accepted);
  if (world.latestPeriod === null) return;
  const loader = new StateLoader(db, world.cityCodes, { keepStatesFrom: keptFrom(world.latestPeriod) });
  for (const period of [previousPeriod(world.latestPeriod), world.latestPeriod]) {
    const state = await loader.stateAt(period);
    for (const mode of MODES) {
      for (const channel of CHANNELS) {
        // Requests arriving at start-up get their turn between the parts of this, each long at national size.
        await nextTurn();
        state.groups(mode, channel);
      }
    }
  }
}

export interface Outcome {
  ruleId: string;
  /** Periods of the range in which the fingerprint held, ascending. */
  periods: string[];
  /** The hit of the latest of those periods: its explanation and evidence are the current ones. */
  hit: Hit;
}

export interface EvaluateOptions {
  /**
   * Sees every period's state of the range, in order, for work that needs the same states (the
   * run's coverage); not called when there is no rule to evaluate.
   */
  eachState?: (state: PeriodState) => void;
  /**
   * Only these cities' links (the run after a corrected report): the states hold no other city's
   * groups, so rules hit in no other city. Such states are not kept for later runs.
   */
  cities?: readonly string[];
}

export async function evaluate(
  db: Db,
  world: World,
  rules: readonly ConfiguredRule[],
  from: string,
  to: string,
  now: Date,
  options: EvaluateOptions = {},
): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const { eachState, cities } = options;
  if (world.latestPeriod === null || rules.length === 0) return outcomes;
  const loader = new StateLoader(db, cities ?? world.cityCodes, cities ? {} : { keepStatesFrom: keptFrom(world.latestPeriod) });
  const reportsOnly = eachState === undefined && rules.every((r) => r.rule.reportsOnly);
  const needsPrevious = rules.some((r) => r.rule.needsPrevious);
  const fingerprints = new CityFingerprints();
  let previous: PeriodState | null = needsPrevious ? await loader.stateAt(previousPeriod(from)) : null;
  for (const period of periodsBetween(from, to)) {
    const state = reportsOnly ? await loader.reportsAt(period) : await loader.stateAt(period);
    eachState?.(state);
    const input: RuleInput = {
      period,
      state,
      previous,
      institutions: world.institutions,
      reportedPeriods: world.reportedPeriods,
      latestPeriod: world.latestPeriod,
      now,
      say: world.say,
      fingerprints,
    };
    for (const { rule, settings } of rules) {
      // A rule over a national period takes tens of milliseconds: between rules, requests waiting
      // on the event loop (pages, other submissions) get their turn.
      await nextTurn();
      for (const hit of rule.evaluate(input, settings)) {
        const seen = outcomes.get(hit.fingerprint);
        if (seen) {
          seen.periods.push(period);
          seen.hit = hit;
        } else {
          outcomes.set(hit.fingerprint, { ruleId: rule.id, periods: [period], hit });
        }
      }
    }
    previous = state;
  }
  return outcomes;
}
