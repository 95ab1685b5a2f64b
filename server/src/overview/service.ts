// The analyst overview: coverage from the analytics computations, lateness from LATE-001 itself,
// and counts of findings and reports, all as of one period.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppContext } from '../app-context.js';
import type { CityCoverageEntry, Overview, OverviewQuery } from '../contract/overview.js';
import type { City } from '../contract/reference.js';
import { coverageByScope, coverageMembers, type CoverageFigure, type LinkGroup } from '../analytics/coverage.js';
import { freshPeriods, storedCityFigures, storedScopeFigures } from '../analytics/coverage-store.js';
import { MAX_PERIODS } from '../analytics/period-range.js';
import { listCities, listInstitutions } from '../reference/repository.js';
import { loadWorld, type World } from '../rules/engine.js';
import { CityFingerprints } from '../rules/fingerprints.js';
import { isPastDue, missingReport, reportDueDate } from '../rules/late-001-missing-report.js';
import { currentDueDay } from '../rules/report-due-day.js';
import { acceptedPeriods } from '../state/accepted-periods.js';
import type { PeriodState } from '../state/period-state.js';
import { periodsBefore, periodsBetween, yearBefore } from '../state/periods.js';
import { StateLoader } from '../state/state-loader.js';
import { findingsByMonth } from './findings-by-month.js';
import { activeFindingsBySeverity, findingPeriodCounts, reportsReceived } from './repository.js';

const LEAST_INTERCONNECTED = 10;
const NATION = 'nation';

export async function analystOverview(ctx: AppContext, q: OverviewQuery): Promise<Overview> {
  const now = ctx.now();
  const [cities, institutions, world, dueDay] = await Promise.all([
    listCities(ctx.db),
    listInstitutions(ctx.db),
    loadWorld(ctx.db, acceptedPeriods(ctx)),
    currentDueDay(ctx.db, now),
  ]);
  const period = q.period ?? world.latestPeriod ?? now.toISOString().slice(0, 7);
  const members = coverageMembers(institutions);

  // Coverage from the stored cells where they are fresh (analytics/coverage-store.ts), else from the
  // states: the earlier period first, so that the loader reads the reports the two states share
  // once. LATE-001 reads only which reports the state holds, so links are read only for coverage
  // the cells do not hold.
  const earlier = yearBefore(period);
  // better-sqlite3 answers synchronously, and at national size this answer is long enough to be felt,
  // so it lets waiting requests in between its parts (a page asks for it while its own code still loads).
  await nextTurn();
  const stored = await freshPeriods(ctx.db, members, earlier, period);
  const national = await storedScopeFigures(ctx.db, { ...q, from: earlier, to: period }, stored);
  const loader = new StateLoader(
    ctx.db,
    cities.map((c) => c.code),
    { linksAmong: new Set(stored.has(earlier) && stored.has(period) ? [] : members) },
  );
  const earlierState = stored.has(earlier) ? null : await loader.stateAt(earlier);
  const state = await loader.stateAt(period);
  const current = { period, ...(national.get(period) ?? nationalFigure(state.groups(q.mode, q.channel), members)) };
  const yearEarlier = { period: earlier, ...(national.get(earlier) ?? nationalFigure(earlierState!.groups(q.mode, q.channel), members)) };
  const byCity = stored.has(period)
    ? await storedCityFigures(ctx.db, { ...q, period })
    : coverageByScope(state.groups(q.mode, q.channel), members, (city) => city);

  await nextTurn();
  const [severities, received, periodCounts] = await Promise.all([
    activeFindingsBySeverity(ctx.db),
    reportsReceived(ctx.db, period),
    findingPeriodCounts(ctx.db),
  ]);
  const bySeverity = { high: severities.get('high') ?? 0, medium: severities.get('medium') ?? 0, low: severities.get('low') ?? 0 };
  const late = lateInstitutions(world, state, dueDay, now);

  return {
    period,
    mode: q.mode,
    channel: q.channel,
    institutions: members,
    coverage: {
      current,
      yearEarlier,
      change: current.coverage === null || yearEarlier.coverage === null ? null : current.coverage - yearEarlier.coverage,
    },
    cities: {
      total: cities.length,
      fullyInterconnected: [...byCity.values()].filter((f) => f.coverage === 1).length,
      atLowestCoverage: citiesAtLowestCoverage(byCity),
    },
    leastInterconnected: leastInterconnected(cities, byCity),
    openFindings: { total: bySeverity.high + bySeverity.medium + bySeverity.low, ...bySeverity },
    reports: {
      ...received,
      expected: expectedReporters(world, period),
      dueDate: reportDueDate(period, dueDay),
      pastDue: isPastDue(period, dueDay, now),
    },
    late: { dueDay, count: late.length, institutions: late },
    findingsByMonth:
      world.firstPeriod === null
        ? []
        : findingsByMonth(lastMonthsUpTo(world.firstPeriod, period), periodCounts.opened, periodCounts.resolved),
  };
}

/** The months from the first reported up to `period`, at most MAX_PERIODS of them: the walk stops there, however far apart the two are. */
function lastMonthsUpTo(firstPeriod: string, period: string): string[] {
  const earliestShown = periodsBefore(period, MAX_PERIODS - 1);
  return periodsBetween(firstPeriod > earliestShown ? firstPeriod : earliestShown, period);
}

function nationalFigure(groups: readonly LinkGroup[], members: readonly string[]): CoverageFigure {
  return coverageByScope(groups, members, () => NATION).get(NATION) ?? noFigure;
}

const noFigure: CoverageFigure = { coverage: null, mutualPairs: 0, pairs: 0 };

function leastInterconnected(cities: readonly City[], byCity: ReadonlyMap<string, CoverageFigure>): CityCoverageEntry[] {
  return cities
    .flatMap((c) => {
      const figure = byCity.get(c.code);
      if (!figure || figure.coverage === null) return [];
      const { code, name, nameZh, provinceName, provinceNameZh } = c;
      return [
        {
          city: code,
          name,
          nameZh,
          provinceName,
          provinceNameZh,
          coverage: figure.coverage,
          mutualPairs: figure.mutualPairs,
          pairs: figure.pairs,
        },
      ];
    })
    .sort((a, b) => a.coverage - b.coverage || a.city.localeCompare(b.city))
    .slice(0, LEAST_INTERCONNECTED);
}

/** How many cities share the lowest coverage: ten names alone hide that 337 cities tie. */
function citiesAtLowestCoverage(byCity: ReadonlyMap<string, CoverageFigure>): number {
  const figures = [...byCity.values()].flatMap((f) => (f.coverage === null ? [] : [f.coverage]));
  if (figures.length === 0) return 0;
  const lowest = Math.min(...figures);
  return figures.filter((c) => c === lowest).length;
}

/** The institutions LATE-001 itself, with its current due day, finds late for the period today. */
function lateInstitutions(world: World, state: PeriodState, dueDay: number, now: Date) {
  if (world.latestPeriod === null) return [];
  const hits = missingReport.evaluate(
    {
      period: state.period,
      state,
      previous: null,
      institutions: world.institutions,
      reportedPeriods: world.reportedPeriods,
      latestPeriod: world.latestPeriod,
      now,
      say: world.say,
      fingerprints: new CityFingerprints(),
    },
    { dueDay },
  );
  return [...new Set(hits.flatMap((h) => h.subjects))].sort().map((id) => {
    const info = world.institutions.get(id);
    return { id, name: info?.name ?? id, nameZh: info?.nameZh ?? id };
  });
}

/** Active institutions whose first report is for the period or an earlier one: those LATE-001 watches. */
function expectedReporters(world: World, period: string): number {
  let n = 0;
  for (const [id, periods] of world.reportedPeriods) {
    if (world.institutions.get(id)?.active && [...periods].some((p) => p <= period)) n += 1;
  }
  return n;
}
