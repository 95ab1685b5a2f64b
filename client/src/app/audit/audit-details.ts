// An audit entry's details, made readable in a table cell: one "key value" pair per field, hashes
// shortened, nested records spelled out one level deep, keys and the domain's values in the
// interface's language. The whole entry stays a link away as JSON, under its stable names.
import type { Channel, FindingStatus, InstitutionKind, Role, Severity } from '../core/api/api-types';
import { AUDIT_ACTION_LABELS } from './audit-actions';
import {
  CHANNEL_LABELS,
  FINDING_STATUS_LABELS,
  INSTITUTION_KIND_LABELS,
  MODE_LABELS,
  ROLE_LABELS,
  SEVERITY_LABELS,
} from '../core/i18n/domain-labels';

/** The most fields and characters a cell shows: a rule run can list thousands of status changes. */
const MAX_FIELDS = 6;
const MAX_VALUE = 60;

export interface DetailField {
  key: string;
  value: string;
}

export interface DetailsSummary {
  fields: DetailField[];
  /** True when something was left out or shortened beyond a hash: the cell links to the whole entry. */
  cut: boolean;
}

/**
 * What the trail's detail fields are called, by the names the server writes (and a findings
 * export's filters): every one the server writes today. A field the list does not know is shown
 * under its own name.
 */
export const AUDIT_DETAIL_KEYS: Record<string, string> = {
  role: 'audit.details.keys.role',
  institution: 'audit.details.keys.institution',
  demo: 'audit.details.keys.demo',
  disabled: 'audit.details.keys.disabled',
  passwordChanged: 'audit.details.keys.passwordChanged',
  sessionsEnded: 'audit.details.keys.sessionsEnded',
  reason: 'audit.details.keys.reason',
  ip: 'audit.details.keys.ip',
  sha256: 'audit.details.keys.sha256',
  filename: 'audit.details.keys.filename',
  ok: 'audit.details.keys.ok',
  entries: 'audit.details.keys.entries',
  head: 'audit.details.keys.head',
  checkedHead: 'audit.details.keys.checkedHead',
  contains: 'audit.details.keys.contains',
  format: 'audit.details.keys.format',
  filters: 'audit.details.keys.filters',
  sort: 'audit.details.keys.sort',
  rows: 'audit.details.keys.rows',
  from: 'audit.details.keys.from',
  to: 'audit.details.keys.to',
  enabled: 'audit.details.keys.enabled',
  settings: 'audit.details.keys.settings',
  rules: 'audit.details.keys.rules',
  changed: 'audit.details.keys.changed',
  opened: 'audit.details.keys.opened',
  resolved: 'audit.details.keys.resolved',
  reopened: 'audit.details.keys.reopened',
  updated: 'audit.details.keys.updated',
  statusChanges: 'audit.details.keys.statusChanges',
  reportIds: 'audit.details.keys.reportIds',
  name: 'audit.details.keys.name',
  nameZh: 'audit.details.keys.nameZh',
  commentId: 'audit.details.keys.commentId',
  text: 'audit.details.keys.text',
  note: 'audit.details.keys.note',
  period: 'audit.details.keys.period',
  version: 'audit.details.keys.version',
  counts: 'audit.details.keys.counts',
  links: 'audit.details.keys.links',
  agreements: 'audit.details.keys.agreements',
  warnings: 'audit.details.keys.warnings',
  errors: 'audit.details.keys.errors',
  codes: 'audit.details.keys.codes',
  id: 'audit.details.keys.id',
  kind: 'audit.details.keys.kind',
  group: 'audit.details.keys.group',
  systemic: 'audit.details.keys.systemic',
  active: 'audit.details.keys.active',
  rule: 'audit.details.keys.rule',
  status: 'audit.details.keys.status',
  severity: 'audit.details.keys.severity',
  city: 'audit.details.keys.city',
  q: 'audit.details.keys.q',
  mode: 'audit.details.keys.mode',
  channel: 'audit.details.keys.channel',
  actor: 'audit.details.keys.actor',
  action: 'audit.details.keys.action',
  target: 'audit.details.keys.target',
  hideLogins: 'audit.details.keys.hideLogins',
  excludeAction: 'audit.details.keys.excludeAction',
};

/** Why a login failed, as the server records it. */
const LOGIN_FAILURES: Record<string, string> = {
  'unknown-user': 'audit.details.reasons.unknownUser',
  'bad-password': 'audit.details.reasons.badPassword',
  disabled: 'audit.details.reasons.disabled',
  'institution-inactive': 'audit.details.reasons.institutionInactive',
};

/** Values with a wording of their own, by the field that holds them (a role's from/to included). */
const VALUE_WORDS: Record<string, Record<string, string>> = {
  role: ROLE_LABELS satisfies Record<Role, string>,
  status: FINDING_STATUS_LABELS satisfies Record<FindingStatus, string>,
  severity: SEVERITY_LABELS satisfies Record<Severity, string>,
  reason: LOGIN_FAILURES,
  kind: INSTITUTION_KIND_LABELS satisfies Record<InstitutionKind, string>,
  mode: { mpm: MODE_LABELS.mpm.short, cpm: MODE_LABELS.cpm.short },
  channel: CHANNEL_LABELS satisfies Record<Channel, string>,
  // An audit export's filters name actions by their stable names (auth.login): said as the list says them.
  action: AUDIT_ACTION_LABELS,
  excludeAction: AUDIT_ACTION_LABELS,
};
const STATUS_CHANGE_FIELDS = new Set(['from', 'to']);

/** The words a summary is written in: a translate function, or none (the server's own names). */
export type Translate = (key: string) => string;

/** Values the page names from its reference data and language, rather than as the server stores them. */
export interface DetailValueNames {
  /** An institution by its id, with the id: "Alipay (alipay)" / "支付宝（alipay）". */
  institution(id: string): string;
  /** A reporting period (YYYY-MM) as a month: "Jun 2021" / "2021年6月". */
  period(period: string): string;
}

/** The fields that hold an institution's id, and those that hold a period (a rules run's from and to; a report's period). */
const INSTITUTION_FIELDS = new Set(['institution']);
const PERIOD_FIELDS = new Set(['period', 'from', 'to']);
const PERIOD = /^\d{4}-\d{2}$/;

/** Turns the server's names into the interface's words; without a translate function, leaves them. */
class DetailWords {
  constructor(
    private readonly translate: Translate | null,
    /** The action the entry records: a finding's status change says statuses in its from and to. */
    private readonly action: string,
    private readonly names: DetailValueNames | null,
  ) {}

  /** A field's name; `parent` is the record it sits in (role: { from, to }). */
  key(name: string, parent?: string): string {
    if (!this.translate) return name;
    // From and to are a change (原为 → 改为) inside a changed field or a finding's status change; otherwise a range of periods or dates (自 … 至).
    if (STATUS_CHANGE_FIELDS.has(name) && (parent || this.action === 'finding.status'))
      return this.translate(name === 'from' ? 'audit.details.changedFrom' : 'audit.details.changedTo');
    return AUDIT_DETAIL_KEYS[name] ? this.translate(AUDIT_DETAIL_KEYS[name]) : name;
  }

  /** A scalar under `field` (inside `parent`, for a nested record such as role: { from, to }). */
  value(value: string | number | boolean, field: string, parent?: string): string {
    if (!this.translate) return String(value);
    if (typeof value === 'boolean') return this.translate(value ? 'audit.details.yes' : 'audit.details.no');
    if (typeof value !== 'string') return String(value);
    if (this.names && INSTITUTION_FIELDS.has(field)) return this.names.institution(value);
    if (this.names && PERIOD_FIELDS.has(field) && PERIOD.test(value)) return this.names.period(value);
    const words =
      VALUE_WORDS[field] ??
      (parent && STATUS_CHANGE_FIELDS.has(field) ? VALUE_WORDS[parent] : undefined) ??
      (this.action === 'finding.status' && STATUS_CHANGE_FIELDS.has(field) ? VALUE_WORDS['status'] : undefined);
    return words?.[value] ? this.translate(words[value]) : value;
  }
}

const HASH = /^[0-9a-f]{64}$/;
/** A shortened hash alone is not a cut: its entry's hash column and the export record hold it whole. */
const HASH_CUT = /^[0-9a-f]{12}…$/;

function scalar(value: unknown, words: DetailWords, field: string, parent?: string): string {
  if (typeof value === 'string' && HASH.test(value)) return `${value.slice(0, 12)}…`;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return words.value(value, field, parent);
  // Details are JSON: what is left is an object, shown as written rather than as [object Object].
  return JSON.stringify(value);
}

/** One line for a value: a list joined by commas, a record as "key value" pairs (one level deep). */
function inline(value: unknown, words: DetailWords, field: string, depth = 0, parent?: string): string {
  if (Array.isArray(value))
    return value.every((v) => typeof v !== 'object' || v === null)
      ? value.map((v) => scalar(v, words, field, parent)).join(', ')
      : `${value.length} ×`;
  if (typeof value === 'object' && value !== null) {
    if (depth > 0) return '…';
    return Object.entries(value)
      .map(([k, v]) => `${words.key(k, field)} ${inline(v, words, k, depth + 1, field)}`)
      .join('; ');
  }
  return scalar(value, words, field, parent);
}

function line(value: unknown, words: DetailWords, field: string): { text: string; cut: boolean } {
  const text = inline(value, words, field);
  const cut = text.length > MAX_VALUE || (text.includes('…') && !HASH_CUT.test(text)) || text.includes(' ×');
  return { text: text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text, cut };
}

/**
 * An entry's details as a few "key value" fields. With `translate`, the keys and the domain's
 * values (roles, statuses, yes and no) are in the interface's language, and with `names` also
 * institutions (by name, with the id) and periods (as months); without them, as stored.
 */
export function summariseDetails(
  details: Record<string, unknown>,
  translate: Translate | null = null,
  action = '',
  names: DetailValueNames | null = null,
): DetailsSummary {
  const words = new DetailWords(translate, action, names);
  const entries = Object.entries(details);
  let cut = entries.length > MAX_FIELDS;
  const fields = entries.slice(0, MAX_FIELDS).map(([key, value]) => {
    const l = line(value, words, key);
    cut ||= l.cut;
    return { key: words.key(key), value: l.text };
  });
  return { fields, cut };
}
