// What the findings list shows, read from and written to the URL (the router is the store of record).
import type { FindingStatus, Severity } from '../core/api/api-types';

export const FINDING_SORT_COLUMNS = ['id', 'ruleId', 'severity', 'status', 'city', 'firstPeriod', 'lastPeriod', 'updatedAt'] as const;
export type FindingSortColumn = (typeof FINDING_SORT_COLUMNS)[number];
/** GET /cases sorts by these (cities: how many); a case has no single id, city or status to sort by. */
export const CASE_SORT_COLUMNS = ['ruleId', 'severity', 'cities', 'firstPeriod', 'lastPeriod', 'updatedAt'] as const;

/** The list shows cases unless the URL asks for the findings one by one (`view=findings`). */
export const VIEW_PARAM = 'view';
export const PER_FINDING_VIEW = 'findings';
export type ListView = 'cases' | 'findings';

const STATUSES: readonly FindingStatus[] = ['open', 'acknowledged', 'confirmed', 'dismissed', 'resolved'];
const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_SORT = '-severity';
/** The list opens on what still needs triage (DESIGN); `status=all` in the URL asks for every status. */
export const DEFAULT_STATUS: readonly FindingStatus[] = ['open'];
const ALL_STATUSES = 'all';

/** The filters, sort and page of the findings list. */
export interface FindingQuery {
  rule: string[];
  severity: Severity[];
  status: FindingStatus[];
  institution: string;
  city: string;
  period: string;
  q: string;
  /** As the API takes it: a column, with "-" in front for descending. */
  sort: string;
  page: number;
  pageSize: number;
}

export const EMPTY_QUERY: FindingQuery = {
  rule: [],
  severity: [],
  status: [...DEFAULT_STATUS],
  institution: '',
  city: '',
  period: '',
  q: '',
  sort: DEFAULT_SORT,
  page: 1,
  pageSize: 25,
};

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** Reads the query parameters of the URL, dropping what the API would refuse (a sort is checked against the list's own sorts). */
export function parseFindingQuery(
  params: Record<string, string | undefined>,
  sortColumns: readonly string[] = FINDING_SORT_COLUMNS,
): FindingQuery {
  const sortColumn = (params['sort'] ?? '').replace(/^-/, '');
  const page = Number(params['page']);
  const pageSize = Number(params['pageSize']);
  return {
    rule: list(params['rule']).filter((r) => /^[A-Z]+-\d{3}$/.test(r)),
    severity: list(params['severity']).filter((s): s is Severity => SEVERITIES.includes(s as Severity)),
    status: readStatus(params['status']),
    institution: params['institution'] ?? '',
    city: /^\d{6}$/.test(params['city'] ?? '') ? params['city']! : '',
    period: /^\d{4}-\d{2}$/.test(params['period'] ?? '') ? params['period']! : '',
    q: (params['q'] ?? '').slice(0, 200),
    sort: sortColumns.includes(sortColumn) ? params['sort']! : DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : EMPTY_QUERY.pageSize,
  };
}

/** No status in the URL is the default (open); `all` is no status filter; unknown statuses are dropped. */
function readStatus(value: string | undefined): FindingStatus[] {
  if (value === undefined || value === '') return [...DEFAULT_STATUS];
  if (value === ALL_STATUSES) return [];
  return list(value).filter((s): s is FindingStatus => STATUSES.includes(s as FindingStatus));
}

const isDefaultStatus = (status: readonly FindingStatus[]) =>
  status.length === DEFAULT_STATUS.length && status.every((s) => DEFAULT_STATUS.includes(s));

/** The filters alone (no sort or paging) as API parameters: what the list and an export share. */
export function filterParams(query: FindingQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.rule.length) params['rule'] = query.rule.join(',');
  if (query.severity.length) params['severity'] = query.severity.join(',');
  if (query.status.length) params['status'] = query.status.join(',');
  if (query.institution) params['institution'] = query.institution;
  if (query.city) params['city'] = query.city;
  if (query.period) params['period'] = query.period;
  if (query.q.trim()) params['q'] = query.q.trim();
  return params;
}

/** The parameters of GET /findings. */
export function listParams(query: FindingQuery): Record<string, string> {
  return { ...filterParams(query), sort: query.sort, page: String(query.page), pageSize: String(query.pageSize) };
}

/** The URL's query parameters: defaults are left out so that a plain list has a plain URL. */
export function toQueryParams(query: FindingQuery): Record<string, string | null> {
  const filters = filterParams(query);
  return {
    rule: filters['rule'] ?? null,
    severity: filters['severity'] ?? null,
    // Every status must be said in the URL, since a plain URL means the default (open) ones.
    status: isDefaultStatus(query.status) ? null : (filters['status'] ?? ALL_STATUSES),
    institution: filters['institution'] ?? null,
    city: filters['city'] ?? null,
    period: filters['period'] ?? null,
    q: filters['q'] ?? null,
    sort: query.sort === DEFAULT_SORT ? null : query.sort,
    page: query.page === 1 ? null : String(query.page),
    pageSize: query.pageSize === EMPTY_QUERY.pageSize ? null : String(query.pageSize),
  };
}

/** MatSort's view of the sort: the column and its direction. */
export function sortState(sort: string): { active: string; direction: 'asc' | 'desc' } {
  return sort.startsWith('-') ? { active: sort.slice(1), direction: 'desc' } : { active: sort, direction: 'asc' };
}

/** Back from MatSort: no direction means the default order. */
export function sortFrom(active: string, direction: 'asc' | 'desc' | '', sortColumns: readonly string[] = FINDING_SORT_COLUMNS): string {
  if (!direction || !sortColumns.includes(active)) return DEFAULT_SORT;
  return direction === 'desc' ? `-${active}` : active;
}

/**
 * The same filters for the other list (cases ⇄ findings): the sort when that list has it, else its
 * default, and the first page, since a page of cases is no page of findings.
 */
export function carriedTo(query: FindingQuery, sortColumns: readonly string[]): FindingQuery {
  return { ...query, sort: sortColumns.includes(query.sort.replace(/^-/, '')) ? query.sort : DEFAULT_SORT, page: 1 };
}

/** Whether any filter narrows the list (for the empty state's advice); the default status does too. */
export function isFiltered(query: FindingQuery): boolean {
  return Object.keys(filterParams(query)).length > 0;
}

/** Whether the filters differ from those the list opens with (for offering a reset). */
export function differsFromDefault(query: FindingQuery): boolean {
  const { status, ...others } = toQueryParams(query);
  return status !== null || ['rule', 'severity', 'institution', 'city', 'period', 'q'].some((k) => others[k] !== null);
}
