// Coverage series and institution openness: reads the stored coverage cells where they are fresh,
// else the period states, and hands the city groups to the pure computations in coverage.ts and
// openness.ts.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppContext } from '../app-context.js';
import type {
  CityOpenness,
  CoverageEntry,
  CoverageLines,
  CoverageLinesQuery,
  CoverageQuery,
  CoverageSeries,
  Openness,
  OpennessHistory,
  OpennessHistoryQuery,
  OpennessQuery,
} from '../contract/analytics.js';
import type { City } from '../contract/reference.js';
import { NotFound } from '../domain/errors.js';
import { findInstitution, listCities, listInstitutions } from '../reference/repository.js';
import { reportedPeriods } from '../reports/repository.js';
import { acceptedPeriods } from '../state/accepted-periods.js';
import { CHANNELS, MODES, type Channel, type Mode, type PeriodState } from '../state/period-state.js';
import { periodsBetween } from '../state/periods.js';
import { StateLoader } from '../state/state-loader.js';
import { citiesInScope } from './city-scope.js';
import { coverageByInstitution, coverageByScope, coverageMembers, type CoverageFigure } from './coverage.js';
import { freshPeriods, scopeFigures, storedCityFigures, storedScopeFigures } from './coverage-store.js';
import { meanShare, opennessIn, type ShareCount } from './openness.js';
import { coverageRange, type PeriodRange } from './period-range.js';

export async function coverageSeries(ctx: AppContext, q: CoverageQuery): Promise<CoverageSeries> {
  const [cities, institutions, reported] = await Promise.all([
    listCities(ctx.db),
    listInstitutions(ctx.db),
    reportedPeriods(ctx.db, acceptedPeriods(ctx)),
  ]);
  const scope = citiesInScope(cities, q.city);
  const members = coverageMembers(institutions);
  const range = coverageRange(q, reported);
  const answer = {
    by: q.by,
    mode: q.mode,
    channel: q.channel,
    city: q.city ?? null,
    from: range?.from ?? null,
    to: range?.to ?? null,
    institutions: members,
  };
  if (!range) return { ...answer, series: [] };

  if (q.by === 'period') {
    const [series] = await seriesByPeriod(ctx, { cities, members, scope, city: q.city }, range, [q]);
    return { ...answer, series };
  }

  const loader = new StateLoader(
    ctx.db,
    cities.map((c) => c.code),
    { linksAmong: new Set(members) },
  );
  const groupsAt = async (period: string) => (await loader.stateAt(period)).groups(q.mode, q.channel);
  const inScope = (city: string) => scope.has(city);
  // by=institution needs each member's pairs, which the stored cells do not keep.
  const stored = q.by === 'institution' ? new Set<string>() : await freshPeriods(ctx.db, members, range.from, range.to);

  if (q.by === 'institution') {
    const byInstitution = coverageByInstitution(await groupsAt(range.to), members, inScope);
    const named = new Map(institutions.map((i) => [i.id, i]));
    return { ...answer, series: members.map((id) => entry(id, byInstitution.get(id)!, named.get(id)?.name, named.get(id)?.nameZh)) };
  }

  const labels = scopeLabels(cities, q.by);
  const keyOf = q.by === 'city' ? (city: string) => city : (city: string) => labels.provinceOf.get(city);
  const scopeOf = (city: string) => (inScope(city) ? keyOf(city) : undefined);
  const figures = stored.has(range.to)
    ? scopeFigures(await storedCityFigures(ctx.db, { ...q, period: range.to }), scopeOf)
    : coverageByScope(await groupsAt(range.to), members, scopeOf);
  const series = [...figures]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, figure]) => entry(key, figure, labels.names.get(key)?.name, labels.names.get(key)?.nameZh));
  return { ...answer, series };
}

/** Every mode and channel, in the order /coverage/lines lists them. */
const ALL_LINES: readonly Line[] = MODES.flatMap((mode) => CHANNELS.map((channel) => ({ mode, channel })));

/** The four by=period series of /coverage in one answer, walking the periods once for all of them. */
export async function coverageLines(ctx: AppContext, q: CoverageLinesQuery): Promise<CoverageLines> {
  const [cities, institutions, reported] = await Promise.all([
    listCities(ctx.db),
    listInstitutions(ctx.db),
    reportedPeriods(ctx.db, acceptedPeriods(ctx)),
  ]);
  const scope = citiesInScope(cities, q.city);
  const members = coverageMembers(institutions);
  const range = coverageRange({ by: 'period', from: q.from, to: q.to }, reported);
  const answer = { city: q.city ?? null, from: range?.from ?? null, to: range?.to ?? null, institutions: members };
  const series = range ? await seriesByPeriod(ctx, { cities, members, scope, city: q.city }, range, ALL_LINES) : ALL_LINES.map(() => []);
  return { ...answer, lines: ALL_LINES.map((line, i) => ({ ...line, series: series[i] })) };
}

type Line = { mode: Mode; channel: Channel };

/**
 * The coverage of the scope at each period of the range, one series per line: from the stored
 * cells where they are fresh, else from the period's state, read once for every line.
 */
async function seriesByPeriod(
  ctx: AppContext,
  basis: { cities: readonly City[]; members: string[]; scope: ReadonlySet<string>; city: string | undefined },
  range: PeriodRange,
  lines: readonly Line[],
): Promise<CoverageEntry[][]> {
  await nextTurn(); // requests waiting already go first: the reads below hold the event loop throughout
  const stored = await freshPeriods(ctx.db, basis.members, range.from, range.to);
  const scopeCities = basis.city === undefined ? undefined : [...basis.scope];
  const fromStore = await Promise.all(
    lines.map((line) =>
      stored.size === 0
        ? Promise.resolve(new Map<string, CoverageFigure>())
        : storedScopeFigures(ctx.db, { ...line, ...range }, stored, scopeCities),
    ),
  );
  const loader = new StateLoader(
    ctx.db,
    basis.cities.map((c) => c.code),
    { linksAmong: new Set(basis.members) },
  );
  const series = lines.map((): CoverageEntry[] => []);
  // In order, so that the loader reads each report once over the whole walk.
  for (const period of periodsBetween(range.from, range.to)) {
    const state = fromStore.every((figures) => figures.has(period)) ? null : await loader.stateAt(period);
    lines.forEach((line, i) => {
      const figure =
        fromStore[i].get(period) ??
        coverageByScope(state!.groups(line.mode, line.channel), basis.members, (city) => (basis.scope.has(city) ? period : undefined)).get(
          period,
        );
      series[i].push(entry(period, figure ?? emptyFigure));
    });
  }
  return series;
}

export async function institutionOpenness(ctx: AppContext, id: string, q: OpennessQuery): Promise<Openness> {
  const subject = await subjectOf(ctx, id);
  const [cities, institutions, reported] = await Promise.all([
    listCities(ctx.db),
    listInstitutions(ctx.db),
    reportedPeriods(ctx.db, acceptedPeriods(ctx)),
  ]);
  const period = q.period ?? reported.at(-1) ?? null;
  const answer = { institution: subject, period, mode: q.mode, channel: q.channel };
  if (period === null) return { ...answer, overall: nowhere, cities: [] };

  const state = await new StateLoader(
    ctx.db,
    cities.map((c) => c.code),
  ).stateAt(period);
  return { ...answer, ...opennessAt(state, { subject, ...q }, basisOf(cities, institutions)) };
}

/** Openness periods a history covers when not asked: two years, as the profile's chart shows. */
const HISTORY_LENGTH = 24;
/** Ten years of months: bounds the work of one history request. */
export const MAX_HISTORY_PERIODS = 120;

/** The `overall` of /institutions/:id/openness at each period of the range, walking the periods once. */
export async function institutionOpennessHistory(ctx: AppContext, id: string, q: OpennessHistoryQuery): Promise<OpennessHistory> {
  const subject = await subjectOf(ctx, id);
  const [cities, institutions, reported] = await Promise.all([
    listCities(ctx.db),
    listInstitutions(ctx.db),
    reportedPeriods(ctx.db, acceptedPeriods(ctx)),
  ]);
  const range = coverageRange({ by: 'period', from: q.from, to: q.to }, reported, {
    defaultLength: HISTORY_LENGTH,
    max: MAX_HISTORY_PERIODS,
  });
  const answer = { institution: subject, mode: q.mode, channel: q.channel, from: range?.from ?? null, to: range?.to ?? null };
  if (!range) return { ...answer, entries: [] };

  const loader = new StateLoader(
    ctx.db,
    cities.map((c) => c.code),
  );
  const basis = basisOf(cities, institutions);
  const entries: OpennessHistory['entries'] = [];
  // In order, so that the loader reads each report once over the whole walk; a national period
  // takes about half a second, so waiting requests get their turn between periods.
  for (const period of periodsBetween(range.from, range.to)) {
    await nextTurn();
    entries.push({ period, overall: opennessAt(await loader.stateAt(period), { subject, ...q }, basis).overall });
  }
  return { ...answer, entries };
}

async function subjectOf(ctx: AppContext, id: string): Promise<string> {
  const subject = await findInstitution(ctx.db, id);
  if (!subject) throw new NotFound({ en: `no institution "${id}"`, zh: `没有机构 "${id}"` }, 'UNKNOWN_INSTITUTION');
  return subject.id;
}

const nobody: ShareCount = { share: null, count: 0, of: 0 };
const nowhere: Openness['overall'] = { cities: 0, recognises: nobody, recognisedBy: nobody };

type OpennessBasis = { active: ReadonlySet<string>; cityByCode: ReadonlyMap<string, City> };

function basisOf(cities: readonly City[], institutions: readonly { id: string; active: boolean }[]): OpennessBasis {
  return { active: new Set(institutions.filter((i) => i.active).map((i) => i.id)), cityByCode: new Map(cities.map((c) => [c.code, c])) };
}

/** The institution's openness in each city of the state where it is present, and their mean. */
function opennessAt(
  state: PeriodState,
  q: { subject: string; mode: Mode; channel: Channel },
  basis: OpennessBasis,
): Pick<Openness, 'overall' | 'cities'> {
  const perCity: CityOpenness[] = [];
  const recognises: { share: ShareCount; cities: number }[] = [];
  const recognisedBy: { share: ShareCount; cities: number }[] = [];
  for (const group of state.groups(q.mode, q.channel)) {
    const figure = opennessIn(group.links, q.subject, basis.active);
    if (!figure.present) continue;
    const known = group.cities.filter((code) => basis.cityByCode.has(code));
    recognises.push({ share: figure.recognises, cities: known.length });
    recognisedBy.push({ share: figure.recognisedBy, cities: known.length });
    for (const code of known) {
      const city = basis.cityByCode.get(code)!;
      perCity.push({ city: code, name: city.name, nameZh: city.nameZh, recognises: figure.recognises, recognisedBy: figure.recognisedBy });
    }
  }
  perCity.sort((a, b) => a.city.localeCompare(b.city));
  return { overall: { cities: perCity.length, recognises: meanShare(recognises), recognisedBy: meanShare(recognisedBy) }, cities: perCity };
}

const emptyFigure: CoverageFigure = { coverage: null, mutualPairs: 0, pairs: 0 };

function entry(key: string, figure: CoverageFigure, label?: string, labelZh?: string): CoverageEntry {
  return { key, ...(label === undefined ? {} : { label }), ...(labelZh === undefined ? {} : { labelZh }), ...figure };
}

/** Names of the cities or provinces an entry can be keyed by, and each city's province. */
function scopeLabels(cities: readonly City[], by: 'city' | 'province') {
  const names = new Map<string, { name: string; nameZh: string }>();
  const provinceOf = new Map<string, string>();
  for (const c of cities) {
    provinceOf.set(c.code, c.province);
    if (by === 'city') names.set(c.code, { name: c.name, nameZh: c.nameZh });
    else names.set(c.province, { name: c.provinceName, nameZh: c.provinceNameZh });
  }
  return { names, provinceOf };
}
