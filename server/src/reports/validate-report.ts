// Checks a report against the contract and the reference data, collecting every problem (up to
// 1000) rather than stopping at the first. Pure: the caller supplies the reference data.
import { z } from 'zod';
import { agreement, link, MAX_AGREEMENTS, MAX_LINKS, type Agreement, type Link, type Report } from '../contract/reports.js';
import {
  channel,
  CITY_CODE_PATTERN,
  cityCode,
  DATE_PATTERN,
  isCalendarDate,
  linkStatus,
  mode,
  period as periodSchema,
  slug,
  SLUG_PATTERN,
} from '../contract/common.js';
import type { ProblemItem } from '../domain/errors.js';
import { issuesToProblems, jsonPath } from '../domain/parse-input.js';
import { illFormedTextPaths } from '../text/well-formed-text.js';
import { isAcceptedPeriod, periodOutOfRange, type AcceptedPeriods } from '../state/accepted-periods.js';
import type { Words } from '../text/words.js';
import { didYouMean, nearestKnownId } from '../reference/nearest-known-id.js';
import { LinkIndex, shareIndex } from './link-index.js';
import { rowWarnings } from './report-warnings.js';

export const MAX_ERRORS = 1000;

export interface ReferenceData {
  institutions: ReadonlySet<string>;
  cities: ReadonlySet<string>;
  /** The periods a report may be for (EARLIEST_PERIOD to the current month). */
  accepted: AcceptedPeriods;
}

/** A refused report's warnings are those its well-formed rows already show (report-warnings.ts rowWarnings). */
export type Validation = { ok: true; report: Report } | { ok: false; errors: ProblemItem[]; warnings: ProblemItem[] };

const envelope = z.looseObject({
  institution: slug,
  period: periodSchema,
  links: z.array(z.unknown()),
  agreements: z.array(z.unknown()).optional(),
});
const ENVELOPE_KEYS = new Set(['institution', 'period', 'links', 'agreements']);

export const linkKey = (l: Pick<Link, 'scanner' | 'issuer' | 'mode' | 'channel' | 'city'>) =>
  `${l.scanner}|${l.issuer}|${l.mode}|${l.channel}|${l.city}`;

class Problems {
  readonly items: ProblemItem[] = [];
  /** sameAs: the row this one repeats (a CSV answer names it by its row: csv-report.ts). */
  add(code: string, words: Words, path: (string | number)[], sameAs?: (string | number)[]): void {
    if (this.items.length < MAX_ERRORS)
      this.items.push({
        code,
        message: words.en,
        messageZh: words.zh,
        path: jsonPath(path),
        ...(sameAs ? { sameAs: jsonPath(sameAs) } : {}),
      });
  }
  addAll(items: ProblemItem[]): void {
    for (const item of items) if (this.items.length < MAX_ERRORS) this.items.push(item);
  }
  get full(): boolean {
    return this.items.length >= MAX_ERRORS;
  }
}

/**
 * Unknown institutions and cities, each named with the nearest known id when one is near enough
 * ("did you mean unionpay?"). A hostile report may hold 100,000 distinct unknown ids: the nearest
 * is looked up once per distinct value, and only while problems are still listed (MAX_ERRORS).
 */
class UnknownIds {
  private readonly nearestInstitution = new Map<string, string | undefined>();
  private readonly nearestCity = new Map<string, string | undefined>();
  constructor(
    private readonly ref: ReferenceData,
    private readonly problems: Problems,
  ) {}

  institution(id: string, path: (string | number)[]): void {
    if (this.problems.full) return;
    const near = this.nearest(this.nearestInstitution, this.ref.institutions, id);
    this.problems.add(
      'UNKNOWN_INSTITUTION',
      { en: `no institution "${id}"${didYouMean(near).en}`, zh: `没有机构 "${id}"${didYouMean(near).zh}` },
      path,
    );
  }

  city(code: string, path: (string | number)[]): void {
    if (this.problems.full) return;
    const near = this.nearest(this.nearestCity, this.ref.cities, code);
    this.problems.add(
      'UNKNOWN_CITY',
      { en: `no prefecture-level city "${code}"${didYouMean(near).en}`, zh: `没有地级市 "${code}"${didYouMean(near).zh}` },
      path,
    );
  }

  isKnownCity(code: string): boolean {
    return this.ref.cities.has(code);
  }

  private nearest(found: Map<string, string | undefined>, known: ReadonlySet<string>, id: string): string | undefined {
    if (!found.has(id)) found.set(id, nearestKnownId(id, known));
    return found.get(id);
  }
}

const NOT_WELL_FORMED: Words = {
  en: 'not well-formed Unicode text: it holds a lone surrogate',
  zh: '不是格式正确的 Unicode 文本：含有孤立的代理字符',
};

export function validateReport(body: unknown, ref: ReferenceData): Validation {
  const problems = new Problems();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      errors: [{ code: 'WRONG_TYPE', message: 'the report must be a JSON object', messageZh: '报告应为 JSON 对象', path: '$' }],
      warnings: [],
    };
  }
  // A report's body is read after the check every other body passes (http/well-formed-body.ts), by
  // the route or the report-check worker: what is stored and hashed must be what was sent. As for
  // every other body, such text is the one answer: problems quoting it would hold it again.
  const illFormed = illFormedTextPaths(body);
  if (illFormed.length > 0) {
    for (const path of illFormed) problems.add('BAD_TEXT', NOT_WELL_FORMED, path);
    return { ok: false, errors: problems.items, warnings: [] };
  }
  const unknown = new UnknownIds(ref, problems);
  for (const key of Object.keys(body)) {
    if (!ENVELOPE_KEYS.has(key)) problems.add('UNKNOWN_FIELD', { en: `unknown field "${key}"`, zh: `未知字段 "${key}"` }, [key]);
  }
  const head = envelope.safeParse(body);
  if (!head.success) problems.addAll(issuesToProblems(head.error.issues));
  const raw = body as { institution?: unknown; period?: unknown; links?: unknown; agreements?: unknown };
  const reporter = typeof raw.institution === 'string' ? raw.institution : '';
  // Checked whatever else is wrong with the envelope: every problem at once.
  if (slug.safeParse(raw.institution).success && !ref.institutions.has(reporter)) unknown.institution(reporter, ['institution']);
  if (head.success && !isAcceptedPeriod(ref.accepted, head.data.period))
    problems.addAll([periodOutOfRange(ref.accepted, head.data.period, ['period'])]);

  const rawLinks = Array.isArray(raw.links) ? raw.links : [];
  const rawAgreements = Array.isArray(raw.agreements) ? raw.agreements : [];
  if (rawLinks.length > MAX_LINKS)
    problems.add('TOO_MANY_ROWS', { en: `a report has at most ${MAX_LINKS} links`, zh: `一份报告最多 ${MAX_LINKS} 条链接` }, ['links']);
  if (rawAgreements.length > MAX_AGREEMENTS)
    problems.add(
      'TOO_MANY_ROWS',
      { en: `a report has at most ${MAX_AGREEMENTS} agreements`, zh: `一份报告最多 ${MAX_AGREEMENTS} 份协议` },
      ['agreements'],
    );
  if (problems.full || rawLinks.length > MAX_LINKS || rawAgreements.length > MAX_AGREEMENTS)
    return { ok: false, errors: problems.items, warnings: [] };

  const { links, rowOf, index } = checkLinks(rawLinks, reporter, unknown, ref, problems);
  const { agreements, agreementRows } = checkAgreements(rawAgreements, reporter, unknown, ref, problems);
  if (problems.items.length > 0 || !head.success) {
    const warnings = head.success
      ? rowWarnings(head.data.period, { links, linkAt: (i) => rowOf[i], agreements, agreementAt: (i) => agreementRows[i] })
      : [];
    return { ok: false, errors: problems.items, warnings };
  }
  // Every row passed, so the index's rows are positions in links: the warnings and the hash use it too.
  shareIndex(links, index);
  return { ok: true, report: { institution: reporter, period: head.data.period, links, agreements } };
}

function checkLinks(
  rawLinks: unknown[],
  reporter: string,
  unknown: UnknownIds,
  ref: ReferenceData,
  problems: Problems,
): { links: Link[]; rowOf: number[]; index: LinkIndex } {
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
        checkLinkReferences(wellFormedFields(link, rawLinks[i]), i, reporter, unknown, ref, problems);
        continue;
      }
      l = parsed.data;
    }
    checkLinkReferences(l, i, reporter, unknown, ref, problems);
    const first = seen.add(l, i);
    if (first !== undefined)
      problems.add(
        'DUPLICATE_LINK',
        { en: `the same link as links[${first}]`, zh: `与 links[${first}] 是同一条链接` },
        ['links', i],
        ['links', first],
      );
    if (l.city === '*') stars = true;
    links.push(l);
    rowOf.push(i);
  }
  // A city-specific row beside a * row for the same pair would say two things about one city.
  if (stars)
    links.forEach((l, at) => {
      if (l.city === '*') return;
      const star = seen.starRowOf(l);
      if (star !== undefined) {
        problems.add(
          'DUPLICATE_LINK',
          { en: `city ${l.city} is already covered by the * link links[${star}]`, zh: `城市 ${l.city} 已由 * 链接 links[${star}] 涵盖` },
          ['links', rowOf[at]],
          ['links', star],
        );
      }
    });
  return { links, rowOf, index: seen };
}

/** What a link's well-formed fields say against the reference data and the reporter. */
function checkLinkReferences(
  l: Partial<Link>,
  i: number,
  reporter: string,
  unknown: UnknownIds,
  ref: ReferenceData,
  problems: Problems,
): void {
  if (l.scanner !== undefined && !ref.institutions.has(l.scanner)) unknown.institution(l.scanner, ['links', i, 'scanner']);
  if (l.issuer !== undefined && !ref.institutions.has(l.issuer)) unknown.institution(l.issuer, ['links', i, 'issuer']);
  if (l.city !== undefined && l.city !== '*' && !ref.cities.has(l.city)) unknown.city(l.city, ['links', i, 'city']);
  if (reporter && l.scanner !== undefined && l.issuer !== undefined && l.scanner !== reporter && l.issuer !== reporter) {
    problems.add(
      'NOT_A_PARTY',
      { en: `${reporter} is neither the scanner nor the issuer of this link`, zh: `${reporter} 既不是这条链接的扫码方，也不是发码方` },
      ['links', i],
    );
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
    if (typeof scanner !== 'string' || typeof issuer !== 'string' || typeof mode !== 'string' || typeof channel !== 'string')
      return undefined;
    if (typeof city !== 'string' || typeof status !== 'string' || typeof since !== 'string') return undefined;
    if (!isSlug(scanner) || !isSlug(issuer) || !MODES.has(mode) || !CHANNELS.has(channel)) return undefined;
    if (!isCity(city) || !STATUSES.has(status) || !isDate(since)) return undefined;
    return {
      scanner,
      issuer,
      mode: mode as Link['mode'],
      channel: channel as Link['channel'],
      city,
      status: status as Link['status'],
      since,
    };
  };
}

function checkAgreements(
  rawAgreements: unknown[],
  reporter: string,
  unknown: UnknownIds,
  ref: ReferenceData,
  problems: Problems,
): { agreements: Agreement[]; agreementRows: number[] } {
  const agreements: Agreement[] = [];
  /** The position in rawAgreements of each of agreements' rows. */
  const agreementRows: number[] = [];
  const refs = new Map<string, number>();
  for (let i = 0; i < rawAgreements.length && !problems.full; i++) {
    const parsed = agreement.safeParse(rawAgreements[i]);
    if (parsed.success) {
      agreements.push(parsed.data);
      agreementRows.push(i);
    } else problems.addAll(issuesToProblems(parsed.error.issues, ['agreements', i]));
    // A malformed agreement's well-formed fields are checked too: every problem at once.
    const a = parsed.success ? parsed.data : wellFormedFields(agreement, rawAgreements[i]);
    if (a.counterparty !== undefined && !ref.institutions.has(a.counterparty))
      unknown.institution(a.counterparty, ['agreements', i, 'counterparty']);
    if (a.counterparty !== undefined && a.counterparty === reporter) {
      problems.add(
        'SELF_AGREEMENT',
        { en: 'an agreement needs a counterparty other than the reporter', zh: '协议的对方须是报告机构以外的机构' },
        ['agreements', i, 'counterparty'],
      );
    }
    if (a.ref !== undefined) {
      const first = refs.get(a.ref);
      // The row it repeats comes last in both languages: a CSV answer renames it (csv-report.ts).
      if (first !== undefined) {
        problems.add(
          'DUPLICATE_AGREEMENT_REF',
          { en: `ref "${a.ref}" is already used by agreements[${first}]`, zh: `ref "${a.ref}" 已用于 agreements[${first}]` },
          ['agreements', i, 'ref'],
          ['agreements', first],
        );
      } else refs.set(a.ref, i);
    }
    checkScopeCities(rawAgreements[i], i, unknown, problems);
    if (a.expires != null && a.effective !== undefined && a.expires < a.effective) {
      problems.add(
        'EXPIRES_BEFORE_EFFECTIVE',
        { en: `expires ${a.expires} is before effective ${a.effective}`, zh: `到期日 ${a.expires} 早于生效日 ${a.effective}` },
        ['agreements', i, 'expires'],
      );
    }
  }
  return { agreements, agreementRows };
}

/** The scope's city codes, each on its own: one malformed code does not hide an unknown one. */
function checkScopeCities(rawAgreement: unknown, i: number, unknown: UnknownIds, problems: Problems): void {
  const cities = (rawAgreement as { scope?: { cities?: unknown } } | null)?.scope?.cities;
  if (!Array.isArray(cities)) return;
  for (let j = 0; j < cities.length && !problems.full; j++) {
    const city: unknown = cities[j];
    if (city !== '*' && cityCode.safeParse(city).success && !unknown.isKnownCity(city as string))
      unknown.city(city as string, ['agreements', i, 'scope', 'cities', j]);
  }
  if (cities.includes('*') && cities.length > 1)
    problems.add('BAD_SCOPE', { en: '* already means every city', zh: '* 已表示所有城市' }, ['agreements', i, 'scope', 'cities']);
}
