// Checks a report against the contract and the reference data, collecting every problem (up to
// 1000) rather than stopping at the first. Pure: the caller supplies the reference data.
import { z } from 'zod';
import { agreement, link, MAX_AGREEMENTS, MAX_LINKS, type Agreement, type Link, type Report } from '../contract/reports.js';
import { channel, CITY_CODE_PATTERN, cityCode, DATE_PATTERN, isCalendarDate, linkStatus, mode, period as periodSchema, slug, SLUG_PATTERN } from '../contract/common.js';
import type { ProblemItem } from '../http/errors.js';
import { issuesToProblems, jsonPath } from '../http/validate.js';
import { illFormedTextPaths } from '../text/well-formed-text.js';
import { isAcceptedPeriod, periodOutOfRange, type AcceptedPeriods } from '../state/accepted-periods.js';
import { LinkIndex, shareIndex } from './link-index.js';

export const MAX_ERRORS = 1000;

export interface ReferenceData {
  institutions: ReadonlySet<string>;
  cities: ReadonlySet<string>;
  /** The periods a report may be for (EARLIEST_PERIOD to the current month). */
  accepted: AcceptedPeriods;
}

export type Validation = { ok: true; report: Report } | { ok: false; errors: ProblemItem[] };

const envelope = z.looseObject({ institution: slug, period: periodSchema, links: z.array(z.unknown()), agreements: z.array(z.unknown()).optional() });
const ENVELOPE_KEYS = new Set(['institution', 'period', 'links', 'agreements']);

export const linkKey = (l: Pick<Link, 'scanner' | 'issuer' | 'mode' | 'channel' | 'city'>) => `${l.scanner}|${l.issuer}|${l.mode}|${l.channel}|${l.city}`;

class Problems {
  readonly items: ProblemItem[] = [];
  add(code: string, message: string, path: (string | number)[]): void {
    if (this.items.length < MAX_ERRORS) this.items.push({ code, message, path: jsonPath(path) });
  }
  addAll(items: ProblemItem[]): void {
    for (const item of items) if (this.items.length < MAX_ERRORS) this.items.push(item);
  }
  get full(): boolean {
    return this.items.length >= MAX_ERRORS;
  }
}

export function validateReport(body: unknown, ref: ReferenceData): Validation {
  const problems = new Problems();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ code: 'WRONG_TYPE', message: 'the report must be a JSON object', path: '$' }] };
  }
  // A report's body is read after the check every other body passes (http/well-formed-body.ts), by
  // the route or the report-check worker: what is stored and hashed must be what was sent. As for
  // every other body, such text is the one answer: problems quoting it would hold it again.
  const illFormed = illFormedTextPaths(body);
  if (illFormed.length > 0) {
    for (const path of illFormed) problems.add('BAD_TEXT', 'not well-formed Unicode text: it holds a lone surrogate', path);
    return { ok: false, errors: problems.items };
  }
  for (const key of Object.keys(body)) {
    if (!ENVELOPE_KEYS.has(key)) problems.add('UNKNOWN_FIELD', `unknown field "${key}"`, [key]);
  }
  const head = envelope.safeParse(body);
  if (!head.success) problems.addAll(issuesToProblems(head.error.issues));
  const raw = body as { institution?: unknown; period?: unknown; links?: unknown; agreements?: unknown };
  const reporter = typeof raw.institution === 'string' ? raw.institution : '';
  // Checked whatever else is wrong with the envelope: every problem at once.
  if (slug.safeParse(raw.institution).success && !ref.institutions.has(reporter)) problems.add('UNKNOWN_INSTITUTION', `no institution "${reporter}"`, ['institution']);
  if (head.success && !isAcceptedPeriod(ref.accepted, head.data.period)) problems.addAll([periodOutOfRange(ref.accepted, head.data.period, ['period'])]);

  const rawLinks = Array.isArray(raw.links) ? raw.links : [];
  const rawAgreements = Array.isArray(raw.agreements) ? raw.agreements : [];
  if (rawLinks.length > MAX_LINKS) problems.add('TOO_MANY_ROWS', `a report has at most ${MAX_LINKS} links`, ['links']);
  if (rawAgreements.length > MAX_AGREEMENTS) problems.add('TOO_MANY_ROWS', `a report has at most ${MAX_AGREEMENTS} agreements`, ['agreements']);
  if (problems.full || rawLinks.length > MAX_LINKS || rawAgreements.length > MAX_AGREEMENTS) return { ok: false, errors: problems.items };

  const { links, index } = checkLinks(rawLinks, reporter, ref, problems);
  const agreements = checkAgreements(rawAgreements, reporter, ref, problems);
  if (problems.items.length > 0 || !head.success) return { ok: false, errors: problems.items };
  // Every row passed, so the index's rows are positions in links: the warnings and the hash use it too.
  shareIndex(links, index);
  return { ok: true, report: { institution: reporter, period: head.data.period, links, agreements } };
}

function checkLinks(rawLinks: unknown[], reporter: string, ref: ReferenceData, problems: Problems): { links: Link[]; index: LinkIndex } {
  const links: Link[] = [];
  /** The position in rawLinks of each of links' rows (they differ once a malformed row is left out). */
  const rowOf: number[] = [];
  const seen = new LinkIndex();
  let stars = false;
  const wellFormed = wellFormedLinks();
  for (let i = 0; i < rawLinks.length && !problems.full; i++) {
    let l = wellFormed(rawLinks[i]);
    if (!l) {
      const parsed = link.safeParse(rawLinks[i]);
      if (!parsed.success) {
        problems.addAll(issuesToProblems(parsed.error.issues, ['links', i]));
        // The row's other fields are still checked, so that fixing the named ones reveals nothing new.
        checkLinkReferences(wellFormedFields(link, rawLinks[i]), i, reporter, ref, problems);
        continue;
      }
      l = parsed.data;
    }
    checkLinkReferences(l, i, reporter, ref, problems);
    const first = seen.add(l, i);
    if (first !== undefined) problems.add('DUPLICATE_LINK', `the same link as links[${first}]`, ['links', i]);
    if (l.city === '*') stars = true;
    links.push(l);
    rowOf.push(i);
  }
  // A city-specific row beside a * row for the same pair would say two things about one city.
  if (stars) links.forEach((l, at) => {
    if (l.city === '*') return;
    const star = seen.starRowOf(l);
    if (star !== undefined) problems.add('DUPLICATE_LINK', `city ${l.city} is already covered by the * link links[${star}]`, ['links', rowOf[at]]);
  });
  return { links, index: seen };
}

/** What a link's well-formed fields say against the reference data and the reporter. */
function checkLinkReferences(l: Partial<Link>, i: number, reporter: string, ref: ReferenceData, problems: Problems): void {
  if (l.scanner !== undefined && !ref.institutions.has(l.scanner)) problems.add('UNKNOWN_INSTITUTION', `no institution "${l.scanner}"`, ['links', i, 'scanner']);
  if (l.issuer !== undefined && !ref.institutions.has(l.issuer)) problems.add('UNKNOWN_INSTITUTION', `no institution "${l.issuer}"`, ['links', i, 'issuer']);
  if (l.city !== undefined && l.city !== '*' && !ref.cities.has(l.city)) problems.add('UNKNOWN_CITY', `no prefecture-level city "${l.city}"`, ['links', i, 'city']);
  if (reporter && l.scanner !== undefined && l.issuer !== undefined && l.scanner !== reporter && l.issuer !== reporter) {
    problems.add('NOT_A_PARTY', `${reporter} is neither the scanner nor the issuer of this link`, ['links', i]);
  }
}

/** The fields of a malformed row that are well-formed by themselves (a missing optional one included). */
function wellFormedFields<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, raw: unknown): Partial<z.infer<z.ZodObject<Shape>>> {
  const fields: Record<string, unknown> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  for (const [name, fieldSchema] of Object.entries(schema.shape)) {
    const parsed = (fieldSchema as z.ZodType).safeParse((raw as Record<string, unknown>)[name]);
    if (parsed.success) fields[name] = parsed.data;
  }
  return fields as Partial<z.infer<z.ZodObject<Shape>>>;
}

const LINK_FIELDS = new Set(['scanner', 'issuer', 'mode', 'channel', 'city', 'status', 'since']);
const MODES = new Set<string>(mode.options);
const CHANNELS = new Set<string>(channel.options);
const STATUSES = new Set<string>(linkStatus.options);

/** A test answered once per value, then remembered. */
function remembered(test: (s: string) => boolean): (s: string) => boolean {
  const answers = new Map<string, boolean>();
  return (s) => {
    let ok = answers.get(s);
    if (ok === undefined) answers.set(s, (ok = test(s)));
    return ok;
  };
}

/**
 * A quick check that accepts only what the link schema accepts, with the same patterns, and builds
 * the same object: zod's per-row cost was most of a 50,000-row report's validation. Anything it
 * does not accept goes through the schema, which names the problems. Institutions, cities and dates
 * repeat from row to row, so each one is checked once.
 */
function wellFormedLinks(): (raw: unknown) => Link | undefined {
  const isSlug = remembered((s) => SLUG_PATTERN.test(s));
  const isCity = remembered((s) => CITY_CODE_PATTERN.test(s));
  const isDate = remembered((s) => DATE_PATTERN.test(s) && isCalendarDate(s));
  return (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const keys = Object.keys(raw);
    if (keys.length !== LINK_FIELDS.size || !keys.every((k) => LINK_FIELDS.has(k))) return undefined;
    const { scanner, issuer, mode, channel, city, status, since } = raw as Record<string, unknown>;
    if (typeof scanner !== 'string' || typeof issuer !== 'string' || typeof mode !== 'string' || typeof channel !== 'string') return undefined;
    if (typeof city !== 'string' || typeof status !== 'string' || typeof since !== 'string') return undefined;
    if (!isSlug(scanner) || !isSlug(issuer) || !MODES.has(mode) || !CHANNELS.has(channel)) return undefined;
    if (!isCity(city) || !STATUSES.has(status) || !isDate(since)) return undefined;
    return { scanner, issuer, mode: mode as Link['mode'], channel: channel as Link['channel'], city, status: status as Link['status'], since };
  };
}

function checkAgreements(rawAgreements: unknown[], reporter: string, ref: ReferenceData, problems: Problems): Agreement[] {
  const agreements: Agreement[] = [];
  const refs = new Map<string, number>();
  for (let i = 0; i < rawAgreements.length && !problems.full; i++) {
    const parsed = agreement.safeParse(rawAgreements[i]);
    if (parsed.success) agreements.push(parsed.data);
    else problems.addAll(issuesToProblems(parsed.error.issues, ['agreements', i]));
    // A malformed agreement's well-formed fields are checked too: every problem at once.
    const a = parsed.success ? parsed.data : wellFormedFields(agreement, rawAgreements[i]);
    if (a.counterparty !== undefined && !ref.institutions.has(a.counterparty)) problems.add('UNKNOWN_INSTITUTION', `no institution "${a.counterparty}"`, ['agreements', i, 'counterparty']);
    if (a.counterparty !== undefined && a.counterparty === reporter) problems.add('SELF_AGREEMENT', 'an agreement needs a counterparty other than the reporter', ['agreements', i, 'counterparty']);
    if (a.ref !== undefined) {
      const first = refs.get(a.ref);
      if (first !== undefined) problems.add('DUPLICATE_AGREEMENT_REF', `ref "${a.ref}" is already used by agreements[${first}]`, ['agreements', i, 'ref']);
      else refs.set(a.ref, i);
    }
    checkScopeCities(rawAgreements[i], i, ref, problems);
    if (a.expires != null && a.effective !== undefined && a.expires < a.effective) problems.add('EXPIRES_BEFORE_EFFECTIVE', `expires ${a.expires} is before effective ${a.effective}`, ['agreements', i, 'expires']);
  }
  return agreements;
}

/** The scope's city codes, each on its own: one malformed code does not hide an unknown one. */
function checkScopeCities(rawAgreement: unknown, i: number, ref: ReferenceData, problems: Problems): void {
  const cities = (rawAgreement as { scope?: { cities?: unknown } } | null)?.scope?.cities;
  if (!Array.isArray(cities)) return;
  for (let j = 0; j < cities.length && !problems.full; j++) {
    const city: unknown = cities[j];
    if (city !== '*' && cityCode.safeParse(city).success && !ref.cities.has(city as string)) problems.add('UNKNOWN_CITY', `no prefecture-level city "${city as string}"`, ['agreements', i, 'scope', 'cities', j]);
  }
  if (cities.includes('*') && cities.length > 1) problems.add('BAD_SCOPE', '* already means every city', ['agreements', i, 'scope', 'cities']);
}
