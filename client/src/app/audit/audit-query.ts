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
  page: number;
  pageSize: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
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
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (AUDIT_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 25,
  };
}

/** GET /audit's parameters: newest first. */
export function auditParams(query: AuditQuery): Record<string, string> {
  const params: Record<string, string> = { sort: '-seq', page: String(query.page), pageSize: String(query.pageSize) };
  if (query.from) params['from'] = query.from;
  if (query.to) params['to'] = query.to;
  if (query.actor) params['actor'] = query.actor;
  if (query.action.length) params['action'] = query.action.join(',');
  if (query.target) params['target'] = query.target;
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
    page: query.page === 1 ? null : String(query.page),
    pageSize: query.pageSize === 25 ? null : String(query.pageSize),
  };
}
