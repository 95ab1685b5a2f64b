// The run after a corrected report: a new version of a month its institution had already reported,
// sent when the rules had seen every report before it. The month's links then differ from those the
// stored findings were made from only in the cities where the institution's declarations differ,
// so only those cities are evaluated again. In the others every hit is the hit of before, except
// that evidence naming the replaced version's rows names the new version's rows declaring the same
// links: those findings are merged with their evidence moved, as a full evaluation would have them.
// Evaluating and merging every city of the month again would make a network's correction, which
// changes a few cities or none, cost its rules as much as a month's first report.
import type { AppContext } from '../app-context.js';
import { storedForEveryCity } from '../analytics/coverage-store.js';
import type { Db } from '../db/database.js';
import { cityFindingsCiting, type StoredCityFinding } from '../findings/repository.js';
import { linksByScope, unpackLinks } from '../reports/packed-links.js';
import {
  splitDeclarations,
  type LinksByScope,
  type OwnDeclarations,
  type SplitDeclarations,
  type StoredLink,
} from '../state/period-state.js';
import { readReportsOf } from '../state/read-reports.js';
import { anyReportUnseen, packedLinksOfReports } from '../state/repository.js';
import type { ConfiguredRule, Outcome } from './engine.js';
import type { Evidence } from './rule.js';
import { markerOf, type RuleConfig } from './settings-repository.js';

interface ReportRef {
  id: number;
  version: number;
}

/** What the run after a corrected report evaluates, and what it merges without evaluating. */
export interface CorrectionPlan {
  replaced: ReportRef;
  correcting: ReportRef;
  /** The cities to evaluate: where the institution's links changed, and those of findings whose evidence cannot simply move. */
  cities: ReadonlySet<string>;
  /** The findings of the other cities that cite the replaced version, each with its outcome of before, the evidence moved. */
  moved: { finding: StoredCityFinding; outcome: Outcome }[];
}

export interface PlanInput {
  reportId: number;
  /** The registry's cities. */
  cities: readonly string[];
  rules: readonly ConfiguredRule[];
  configs: ReadonlyMap<string, RuleConfig>;
  /** Coverage's members now. */
  members: readonly string[];
  from: string;
  to: string;
}

/**
 * The plan of a corrected report's run, when the run can be limited: the report is a new version
 * of a month its institution had reported, and the stored findings and coverage are what evaluating
 * every city gives (the rules have seen every other report with today's settings; coverage is stored
 * for every registry city with today's members). Null when the run must evaluate every city.
 */
export async function planCorrection(ctx: AppContext, input: PlanInput): Promise<CorrectionPlan | null> {
  const { rules, configs, from, to } = input;
  const versions = await versionsOf(ctx.db, input.reportId);
  if (!versions) return null;
  // A disabled rule is evaluated by neither run: only the chosen rules' markers count.
  if (rules.some(({ rule }) => configs.get(rule.id)!.applied !== markerOf(rule, configs.get(rule.id)!))) return null;
  if (!(await storedForEveryCity(ctx.db, input.members, input.cities.length, from, to))) return null;
  const { replaced, correcting } = versions;
  const [before, after] = await Promise.all([scopedLinksOf(ctx.db, replaced.id), scopedLinksOf(ctx.db, correcting.id)]);
  const cities = changedCities(before, after, input.cities);
  const moveEvidence = evidenceMover(replaced.id, correcting, before, after);
  const citing = await cityFindingsCiting(
    ctx.db,
    rules.map((r) => r.rule.id),
    from,
    replaced.id,
  );
  const moved: CorrectionPlan['moved'] = [];
  for (const finding of citing) {
    // A dismissed finding's evidence is a history (new evidence is appended), not its latest hit's.
    const evidence = finding.status === 'dismissed' ? undefined : moveEvidence(finding.evidence, finding.city);
    if (evidence === undefined) cities.add(finding.city);
    else moved.push({ finding, outcome: movedOutcome(finding, evidence, from, to) });
  }
  if (cities.size === input.cities.length) return null;
  return {
    replaced,
    correcting,
    cities,
    moved: moved.filter(({ finding, outcome }) => !cities.has(finding.city) && outcome.periods.length > 0),
  };
}

/** A finding's outcome over [from, to] as before (in a city the correction leaves as it was, nothing else differs), with its evidence moved. */
function movedOutcome(f: StoredCityFinding, evidence: Evidence[], from: string, to: string): Outcome {
  const { fingerprint, subjects, city, mode, channel, severity, explanation, subjectExplanation } = f;
  return {
    ruleId: f.ruleId,
    periods: f.periods.filter((p) => p >= from && p <= to),
    hit: {
      fingerprint,
      subjects,
      city,
      mode,
      channel,
      severity,
      explanation,
      ...(subjectExplanation ? { subjectExplanation } : {}),
      evidence,
    },
  };
}

/**
 * The version the report replaces and its own: null unless it is a new version of a month its
 * institution had reported, the rules having seen every other report (so that the stored findings
 * are those of the version it replaces).
 */
async function versionsOf(db: Db, reportId: number): Promise<{ replaced: ReportRef; correcting: ReportRef } | null> {
  const report = await db
    .selectFrom('reports')
    .select(['id', 'institution', 'period', 'version'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) return null;
  const replaced = await db
    .selectFrom('reports')
    .select(['id', 'version'])
    .where('institution', '=', report.institution)
    .where('period', '=', report.period)
    .where('id', '!=', reportId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!replaced || (await anyReportUnseen(db, reportId))) return null;
  return { replaced, correcting: { id: report.id, version: report.version } };
}

/** A report's links as loaders hold them: kept since a loader read them (or since stored), or read now. */
async function scopedLinksOf(db: Db, reportId: number): Promise<LinksByScope> {
  const read = readReportsOf(db).get(reportId);
  if (read) return read.links;
  const [stored] = await packedLinksOfReports(db, [reportId]);
  return stored ? linksByScope(unpackLinks(stored[1])) : new Map();
}

const NONE: readonly StoredLink[] = [];
const NO_DECLARATIONS: OwnDeclarations = { declarations: NONE, keys: [] };

/** The same declarations in the same order: what a report sent again, or a city it did not touch, has. */
function sameSequence(a: readonly StoredLink[], b: readonly StoredLink[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.scanner !== y.scanner || x.issuer !== y.issuer || x.status !== y.status || x.since !== y.since) return false;
  }
  return true;
}

/** Each pair's `status|since` in a city: its own row if there is one, else its row for every city (as buildGroups reconciles them). */
function declaredIn(...lists: OwnDeclarations[]): Map<string, string> {
  const declared = new Map<string, string>();
  for (const { declarations, keys } of lists) declarations.forEach((l, i) => declared.set(keys[i], `${l.status}|${l.since}`));
  return declared;
}

function sameDeclared(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

/** The listed cities in which the two versions declare other links, in some mode and channel. */
export function changedCities(before: LinksByScope, after: LinksByScope, cities: readonly string[]): Set<string> {
  const changed = new Set<string>();
  const listed = new Set(cities);
  for (const scope of new Set([...before.keys(), ...after.keys()])) {
    // Split as the states split them (and cached there: the states of the run split the same lists).
    const was = splitDeclarations(before.get(scope) ?? NONE);
    const is = splitDeclarations(after.get(scope) ?? NONE);
    const wasEvery = { declarations: was.everyCity, keys: was.everyCityKeys };
    const isEvery = { declarations: is.everyCity, keys: is.everyCityKeys };
    // A city without rows of its own has the rows for every city: made once, not once a city.
    const everyCityOnly = new Map<OwnDeclarations, Map<string, string>>();
    const declared = (every: OwnDeclarations, own: OwnDeclarations | undefined) =>
      own ? declaredIn(every, own) : (everyCityOnly.get(every) ?? everyCityOnly.set(every, declaredIn(every)).get(every)!);
    const sameEveryCity =
      sameSequence(was.everyCity, is.everyCity) || sameDeclared(declared(wasEvery, undefined), declared(isEvery, undefined));
    // With the same rows for every city, only cities with rows of their own can differ.
    const suspects = sameEveryCity ? new Set([...was.byCity.keys(), ...is.byCity.keys()]) : cities;
    for (const city of suspects) {
      if (!listed.has(city) || changed.has(city)) continue;
      const wasOwn = was.byCity.get(city);
      const isOwn = is.byCity.get(city);
      if (sameEveryCity && sameSequence((wasOwn ?? NO_DECLARATIONS).declarations, (isOwn ?? NO_DECLARATIONS).declarations)) continue;
      if (!sameDeclared(declared(wasEvery, wasOwn), declared(isEvery, isOwn))) changed.add(city);
    }
  }
  return changed;
}

/**
 * Moves evidence from the replaced version's rows to the correcting version's row declaring the
 * same link in the finding's city: its own row there, or its row for every city (the last of a
 * pair's rows, as period-state.ts takes it). A city's rows are searched in turn (a few hundred at
 * most): indexing every row of a national report by its pair took longer than the thousand or so
 * lookups a correction makes.
 */
/** Evidence of a finding in `city`, the replaced version's rows named by the correcting version's; undefined when it declares no such link there. */
type EvidenceMover = (evidence: readonly Evidence[], city: string) => Evidence[] | undefined;

function evidenceMover(replaced: number, correcting: ReportRef, before: LinksByScope, after: LinksByScope): EvidenceMover {
  let index: { was: [scope: string, link: StoredLink][]; rows: Map<string, SplitDeclarations> } | undefined;
  const indexed = () => {
    if (index) return index;
    const was: [string, StoredLink][] = [];
    for (const [scope, links] of before) for (const l of links) was[l.row] = [scope, l];
    return (index = { was, rows: new Map([...after].map(([scope, links]) => [scope, splitDeclarations(links)])) });
  };
  const find = (links: readonly StoredLink[] | undefined, { scanner, issuer }: StoredLink) => {
    for (let i = (links?.length ?? 0) - 1; i >= 0; i--)
      if (links![i].scanner === scanner && links![i].issuer === issuer) return links![i].row;
    return undefined;
  };
  const rowNow = (e: Evidence, city: string) => {
    const { was, rows } = indexed();
    const [scope, link] = e.row === undefined ? [] : (was[e.row] ?? []);
    const split = scope === undefined ? undefined : rows.get(scope);
    return link && split ? (find(split.byCity.get(city)?.declarations, link) ?? find(split.everyCity, link)) : undefined;
  };
  return (evidence, city) => {
    const moved: Evidence[] = [];
    for (const e of evidence) {
      // Evidence of versions superseded before: no hit names it, and the merge keeps it on the finding.
      if (e.superseded) continue;
      if (e.reportId !== replaced) {
        moved.push(e);
        continue;
      }
      const row = rowNow(e, city);
      if (row === undefined) return undefined;
      // The fields in the order linkSources gives them, so that the stored evidence reads the same.
      moved.push({ reportId: correcting.id, version: correcting.version, institution: e.institution, period: e.period, row });
    }
    return moved;
  };
}
