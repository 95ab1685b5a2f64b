// Coverage precomputed: each city's mutual pairs and pairs per period, mode and channel. The rules
// runs that account for reports store the periods they evaluate in the transaction of their
// findings (run-rules.ts), so coverage and findings never disagree; coverage by period, city and
// province and the overview read these cells instead of rebuilding every period's state.
//
// A period's cells count for a request only when they were computed with today's members and no
// report of that period or an earlier one is still unseen by the rules (`rules_applied`): the run
// after a report, or the start-up run after a crash, rewrites them. Other periods are computed from
// the reports as before, without storing (so a request never races a rules run). On an existing
// database the migration leaves the cells empty and the start-up check (fillStaleCoverage, called
// from bootstrap) fills them.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'kysely';
import type { AppContext } from '../app-context.js';
import type { Db } from '../db/database.js';
import { listCities, listInstitutions } from '../reference/repository.js';
import { reportedPeriods } from '../reports/repository.js';
import { acceptedPeriods } from '../state/accepted-periods.js';
import { CHANNELS, MODES, linkBetween, type CityGroup, type PeriodState } from '../state/period-state.js';
import { pairKey, type StateLink } from '../state/reconcile.js';
import { periodsBetween } from '../state/periods.js';
import { StateLoader } from '../state/state-loader.js';
import { coverageMembers, figureOf, meanOverCities, mutualPairs, pairCount, type CoverageFigure, type WeightedFigure } from './coverage.js';

/** The cells of a run of periods, ready to store. */
export interface CoverageCells {
  /** The members the cells count pairs of, as coverage_periods holds them. */
  members: string;
  periods: string[];
  cells: { mode: string; channel: string; period: string; city: string; mutual_pairs: number; pairs: number }[];
}

const ROWS_PER_INSERT = 20_000;
const PERIODS_PER_STATEMENT = 500;

/**
 * What stored cells were counted with: the reconciliation's version and the members. Cells of
 * another are stale (freshPeriods), and the start-up check counts them again. Reconciliation 2:
 * a link its scanner's report leaves out is absent, whatever the issuer declares.
 */
const RECONCILIATION = 2;

export const membersKey = (members: readonly string[]): string => `reconciliation-${RECONCILIATION}:${members.join(',')}`;

/** Every city's counts in every mode and channel, for each period from `from` to `to`. */
export async function computeCoverage(db: Db, from: string, to: string): Promise<CoverageCells> {
  const [cities, institutions] = await Promise.all([listCities(db), listInstitutions(db)]);
  const collector = new CoverageCollector(coverageMembers(institutions));
  const loader = new StateLoader(
    db,
    cities.map((c) => c.code),
    { linksAmong: new Set(collector.members) },
  );
  // In order, so that the loader reads each report once over the whole walk.
  for (const period of periodsBetween(from, to)) {
    await nextTurn(); // one period at a time, letting waiting requests in between
    collector.add(await loader.stateAt(period));
  }
  return collector.cells();
}

/**
 * The cells of period states handed to it in order: computeCoverage's own states, or those a full
 * rules run builds anyway (reading the members' links a second time for coverage alone was a fifth
 * of a national run's reading). Any state will do: only links between members count, and a
 * member's links are the same in a state of every institution's links as in one of members' only.
 */
export class CoverageCollector {
  readonly members: readonly string[];
  private readonly memberSet: ReadonlySet<string>;
  private readonly periods: string[] = [];
  private readonly collected: CoverageCells['cells'] = [];

  constructor(members: readonly string[]) {
    this.members = members;
    this.memberSet = new Set(members);
  }

  add(state: PeriodState): void {
    const pairs = pairCount(this.memberSet.size);
    const { period } = state;
    this.periods.push(period);
    for (const mode of MODES) {
      for (const channel of CHANNELS) {
        const sharedMutual = new Map<readonly StateLink[], Set<string>>();
        for (const group of state.groups(mode, channel)) {
          const mutual = this.mutualCount(group, sharedMutual);
          for (const city of group.cities) this.collected.push({ mode, channel, period, city, mutual_pairs: mutual, pairs });
        }
      }
    }
  }

  cells(): CoverageCells {
    return { members: membersKey(this.members), periods: this.periods, cells: this.collected };
  }

  /**
   * The group's mutual pairs. A city with rows of its own takes those of the shared links (found
   * once a period) and looks again only at the member pairs its own links touch.
   */
  private mutualCount(group: CityGroup, memo: Map<readonly StateLink[], Set<string>>): number {
    if (!group.overlay) return mutualPairs(group.links, this.members).length;
    const { shared, own } = group.overlay;
    let sharedMutual = memo.get(shared);
    if (!sharedMutual) {
      sharedMutual = new Set(mutualPairs(shared, this.members).map(([a, b]) => pairKey(a, b)));
      memo.set(shared, sharedMutual);
    }
    const touched = new Map<string, [string, string]>();
    for (const { scanner, issuer } of own.values()) {
      if (scanner === issuer || !this.memberSet.has(scanner) || !this.memberSet.has(issuer)) continue;
      const pair: [string, string] = scanner < issuer ? [scanner, issuer] : [issuer, scanner];
      touched.set(pairKey(...pair), pair);
    }
    let count = sharedMutual.size;
    for (const [key, [a, b]] of touched) {
      if (sharedMutual.has(key)) count -= 1;
      if (linkBetween(group, a, b)?.status === 'live' && linkBetween(group, b, a)?.status === 'live') count += 1;
    }
    return count;
  }
}

/**
 * Replaces the stored cells of the given periods; call it inside the transaction that owns them.
 * A run mostly finds its cells stored as they are, so each cell is written only where it differs
 * (SQLite then only looks it up): deleting and inserting all of a national run's cells costs far more.
 * `otherCitiesKept`: the cells are of some cities only (a run that evaluated those), and the other
 * cities' stored cells stay.
 */
export async function storeCoverage(trx: Db, coverage: CoverageCells, options: { otherCitiesKept?: boolean } = {}): Promise<void> {
  for (let i = 0; i < coverage.periods.length; i += PERIODS_PER_STATEMENT) {
    const periods = coverage.periods.slice(i, i + PERIODS_PER_STATEMENT);
    await trx.deleteFrom('coverage_periods').where('period', 'in', periods).execute();
    await trx
      .insertInto('coverage_periods')
      .values(periods.map((period) => ({ period, members: coverage.members })))
      .execute();
  }
  // The rows travel as one JSON parameter that SQLite unpacks (as reports' links do): Kysely
  // compiling 80,000 cells as parameters took longer than storing them. (`where true` tells the
  // upsert's ON CONFLICT from a join's ON; PostgreSQL has the same upsert.)
  for (let i = 0; i < coverage.cells.length; i += ROWS_PER_INSERT) {
    const rows = JSON.stringify(
      coverage.cells.slice(i, i + ROWS_PER_INSERT).map((c) => [c.mode, c.channel, c.period, c.city, c.mutual_pairs, c.pairs]),
    );
    await sql`insert into coverage_cells (mode, channel, period, city, mutual_pairs, pairs)
      select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 from json_each(${rows}) where true order by key
      on conflict (mode, channel, period, city) do update set mutual_pairs = excluded.mutual_pairs, pairs = excluded.pairs
      where coverage_cells.mutual_pairs <> excluded.mutual_pairs or coverage_cells.pairs <> excluded.pairs`.execute(trx);
  }
  if (options.otherCitiesKept) return;
  let stored = 0;
  for (let i = 0; i < coverage.periods.length; i += PERIODS_PER_STATEMENT) {
    const row = await trx
      .selectFrom('coverage_cells')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('period', 'in', coverage.periods.slice(i, i + PERIODS_PER_STATEMENT))
      .executeTakeFirstOrThrow();
    stored += Number(row.n);
  }
  // More cells than the run counted: some are of cities it did not count (no longer in the registry).
  if (stored > coverage.cells.length) await dropUncounted(trx, coverage);
}

/** Deletes the stored cells of the coverage's periods that it has no cell for. */
async function dropUncounted(trx: Db, coverage: CoverageCells): Promise<void> {
  const key = (c: { mode: string; channel: string; period: string; city: string }) => `${c.mode}|${c.channel}|${c.period}|${c.city}`;
  const counted = new Set(coverage.cells.map(key));
  for (let i = 0; i < coverage.periods.length; i += PERIODS_PER_STATEMENT) {
    const periods = coverage.periods.slice(i, i + PERIODS_PER_STATEMENT);
    const stored = await trx
      .selectFrom('coverage_cells')
      .select(['mode', 'channel', 'period', 'city'])
      .where('period', 'in', periods)
      .execute();
    for (const c of stored.filter((c) => !counted.has(key(c)))) {
      await trx
        .deleteFrom('coverage_cells')
        .where('mode', '=', c.mode)
        .where('channel', '=', c.channel)
        .where('period', '=', c.period)
        .where('city', '=', c.city)
        .execute();
    }
  }
}

/** At start-up: stores the reported periods whose cells are missing or count other members. */
export async function fillStaleCoverage(ctx: AppContext): Promise<number> {
  const [institutions, reported] = await Promise.all([listInstitutions(ctx.db), reportedPeriods(ctx.db, acceptedPeriods(ctx))]);
  if (reported.length === 0) return 0;
  const fresh = await freshPeriods(ctx.db, coverageMembers(institutions), reported[0], reported.at(-1)!, { ignoreUnseen: true });
  const stale = periodsBetween(reported[0], reported.at(-1)!).filter((p) => !fresh.has(p));
  if (stale.length === 0) return 0;
  const started = performance.now();
  const coverage = await computeCoverage(ctx.db, stale[0], stale.at(-1)!);
  await ctx.db.transaction().execute((trx) => storeCoverage(trx, coverage));
  ctx.logger.info({ periods: coverage.periods.length, ms: Math.round(performance.now() - started) }, 'coverage stored');
  return coverage.periods.length;
}

/**
 * Whether every period from `from` to `to` has cells stored for every registry city, counted over
 * these members: what a run of every city stores, so that a run of some cities may keep the others'.
 */
export async function storedForEveryCity(
  db: Db,
  members: readonly string[],
  cityCount: number,
  from: string,
  to: string,
): Promise<boolean> {
  const periods = periodsBetween(from, to);
  const fresh = await freshPeriods(db, members, from, to, { ignoreUnseen: true });
  if (periods.some((p) => !fresh.has(p))) return false;
  const counts = await db
    .selectFrom('coverage_cells')
    .select(['period', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mode', 'in', MODES)
    .where('channel', 'in', CHANNELS)
    .where('period', '>=', from)
    .where('period', '<=', to)
    .groupBy('period')
    .execute();
  const perPeriod = MODES.length * CHANNELS.length * cityCount;
  return counts.length === periods.length && counts.every((c) => Number(c.n) === perPeriod);
}

/** The periods from `from` to `to` whose stored cells a request may use (see the top of this file). */
export async function freshPeriods(
  db: Db,
  members: readonly string[],
  from: string,
  to: string,
  options: { ignoreUnseen?: boolean } = {},
): Promise<Set<string>> {
  const [rows, unseen] = await Promise.all([
    db
      .selectFrom('coverage_periods')
      .select('period')
      .where('period', '>=', from)
      .where('period', '<=', to)
      .where('members', '=', membersKey(members))
      .execute(),
    options.ignoreUnseen
      ? undefined
      : db
          .selectFrom('reports')
          .select((eb) => eb.fn.min('period').as('period'))
          .where('rules_applied', '=', 0)
          .executeTakeFirst(),
  ]);
  // A report the rules have not seen can change its own period and every later one.
  const staleFrom = (unseen?.period as string | null | undefined) ?? null;
  return new Set(rows.map((r) => r.period).filter((p) => staleFrom === null || p < staleFrom));
}

/**
 * The figure of a scope of cities (every city when `cities` is undefined) at each of the given
 * stored periods from `from` to `to`, in one mode and channel.
 */
export async function storedScopeFigures(
  db: Db,
  q: { mode: string; channel: string; from: string; to: string },
  periods: ReadonlySet<string>,
  cities?: readonly string[],
): Promise<Map<string, CoverageFigure>> {
  const rows = await db
    .selectFrom('coverage_cells')
    .select(['period', 'mutual_pairs', 'pairs', (eb) => eb.fn.countAll<number>().as('cities')])
    .where('mode', '=', q.mode)
    .where('channel', '=', q.channel)
    .where('period', '>=', q.from)
    .where('period', '<=', q.to)
    .$if(cities !== undefined, (qb) => qb.where('city', 'in', cities!.length > 0 ? [...cities!] : ['']))
    .groupBy(['period', 'mutual_pairs', 'pairs'])
    .execute();
  const parts = new Map<string, WeightedFigure[]>([...periods].map((p) => [p, []]));
  for (const r of rows) parts.get(r.period)?.push({ figure: figureOf(r.mutual_pairs, r.pairs), cities: Number(r.cities) });
  return new Map([...parts].map(([period, list]) => [period, meanOverCities(list)]));
}

/** Each city's stored figure at a period in one mode and channel. */
export async function storedCityFigures(
  db: Db,
  q: { mode: string; channel: string; period: string },
): Promise<Map<string, CoverageFigure>> {
  const rows = await db
    .selectFrom('coverage_cells')
    .select(['city', 'mutual_pairs', 'pairs'])
    .where('mode', '=', q.mode)
    .where('channel', '=', q.channel)
    .where('period', '=', q.period)
    .execute();
  return new Map(rows.map((r) => [r.city, figureOf(r.mutual_pairs, r.pairs)]));
}

/** The figure of every scope `scopeOf` names, from cities' figures: what coverageByScope gives from groups. */
export function scopeFigures(
  byCity: ReadonlyMap<string, CoverageFigure>,
  scopeOf: (city: string) => string | undefined,
): Map<string, CoverageFigure> {
  const parts = new Map<string, WeightedFigure[]>();
  for (const [city, figure] of byCity) {
    const scope = scopeOf(city);
    if (scope === undefined) continue;
    const list = parts.get(scope);
    if (list) list.push({ figure, cities: 1 });
    else parts.set(scope, [{ figure, cities: 1 }]);
  }
  return new Map([...parts].map(([scope, list]) => [scope, meanOverCities(list)]));
}
