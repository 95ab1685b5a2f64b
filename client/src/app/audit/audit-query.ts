// The audit trail's filters and page, read from and written to the URL.
import type { AuditAction } from '../core/api/api-types';
import { AUDIT_ACTIONS } from './audit-actions';

export interface AuditQuery {
  /** YYYY-MM-DD, the whole day (UTC). */
  from: string;
  to: string;
  actor: string;
  action: AuditAction[];
  target: string;
  /** Leave logins, failed logins and logouts out: on a busy system they are most of the trail. */
  hideLogins: boolean;
  page: number;
  pageSize: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOGIN_ACTIONS: AuditAction[] = ['auth.login', 'auth.login_failed', 'auth.logout'];
export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;

export function parseAuditQuery(params: Record<string, string | undefined>): AuditQuery {
  const page = Number(params['page']);
  const pageSize = Number(params['pageSize']);
  return {
    from: DATE.test(params['from'] ?? '') ? params['from']! : '',
    to: DATE.test(params['to'] ?? '') ? params['to']! : '',
    actor: (params['actor'] ?? '').trim().slice(0, 64),
    action: (params['action'] ?? '').split(',').filter((a): a is AuditAction => (AUDIT_ACTIONS as string[]).includes(a)),
    target: (params['target'] ?? '').trim().slice(0, 200),
    hideLogins: params['logins'] === 'hidden',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (AUDIT_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 25,
  };
}

/** GET /audit's parameters: newest first. */
export function auditParams(query: AuditQuery): Record<string, string> {
  return { sort: '-seq', page: String(query.page), pageSize: String(query.pageSize), ...auditFilterParams(query) };
}

/** The filters alone, as GET /audit and GET /audit/export take them. */
export function auditFilterParams(query: AuditQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.from) params['from'] = query.from;
  if (query.to) params['to'] = query.to;
  if (query.actor) params['actor'] = query.actor;
  if (query.action.length) params['action'] = query.action.join(',');
  if (query.target) params['target'] = query.target;
  if (query.hideLogins) params['excludeAction'] = LOGIN_ACTIONS.join(',');
  return params;
}

/** The URL's query parameters, defaults left out. */
export function auditQueryParams(query: AuditQuery): Record<string, string | null> {
  return {
    from: query.from || null,
    to: query.to || null,
    actor: query.actor || null,
    action: query.action.length ? query.action.join(',') : null,
    target: query.target || null,
    logins: query.hideLogins ? 'hidden' : null,
    page: query.page === 1 ? null : String(query.page),
    pageSize: query.pageSize === 25 ? null : String(query.pageSize),
  };
}
