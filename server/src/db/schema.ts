// Table shapes as Kysely sees them; repositories return plain objects built from these.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface CityTable {
  code: string;
  name: string;
  name_zh: string;
  province: string;
  province_name: string;
  province_name_zh: string;
}

export interface InstitutionTable {
  id: string;
  name: string;
  name_zh: string;
  kind: string;
  group_slug: string;
  systemic: number;
  active: number;
}

export interface UserTable {
  username: string;
  password_hash: string;
  role: string;
  institution: string | null;
  disabled: number;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen database does not yield live sessions. */
  id: string;
  username: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiKeyTable {
  id: string;
  institution: string;
  key_hash: string;
  name: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ReportTable {
  id: Generated<number>;
  institution: string;
  period: string;
  version: number;
  received_at: string;
  sha256: string;
  links_count: number;
  agreements_count: number;
  warnings: string;
  submitted_by: string;
  /** 1 on the newest version of (institution, period): the as-of lookups read only these. */
  latest: number;
  /** 1 once the rules have run for the scope this report touches. */
  rules_applied: Generated<number>;
}

export interface ReportLinkTable {
  report_id: number;
  row_no: number;
  scanner: string;
  issuer: string;
  mode: string;
  channel: string;
  city: string;
  status: string;
  since: string;
}

/** A report's links packed: its distinct strings and seven numbers a link, compressed (reports/packed-links.ts). */
export interface ReportPackedLinksTable {
  report_id: number;
  links: Uint8Array;
}

export interface ReportAgreementTable {
  report_id: number;
  row_no: number;
  ref: string;
  counterparty: string;
  kind: string;
  exclusive: number;
  fee_bps: number | null;
  cities: string;
  modes: string;
  channels: string;
  restrictions: string;
  effective: string;
  expires: string | null;
  text: string | null;
}

export interface IdempotencyKeyTable {
  principal: string;
  key: string;
  request_hash: string;
  state: string;
  response_status: number | null;
  response_body: string | null;
  created_at: string;
  /** Which claim of the key holds it; a retry that takes over an expired lease increments it. */
  attempt: Generated<number>;
  /** Until when a `processing` claim holds the key; null once answered. */
  lease_expires_at: string | null;
}

export interface RuleSettingsTable {
  rule_id: string;
  enabled: number;
  settings: string;
  applied: string | null;
  updated_at: string;
  updated_by: string;
}

export interface FindingTable {
  id: Generated<number>;
  fingerprint: string;
  rule_id: string;
  rule_version: number;
  severity: string;
  severity_rank: number;
  subjects: string;
  city: string | null;
  mode: string | null;
  channel: string | null;
  first_period: string;
  last_period: string;
  /** JSON list of [from, to] period ranges in which the condition held. */
  periods: string;
  /** 1 while the condition holds (in the latest period; for one-period rules, in its period). */
  holds: number;
  status: string;
  explanation: string;
  explanation_zh: string;
  /** What a subject that may not see every piece of evidence reads instead; null: the explanation itself. */
  subject_explanation: string | null;
  subject_explanation_zh: string | null;
  evidence: string;
  created_at: string;
  updated_at: string;
  /** The finding's case (findings/case-key.ts): one rule, subject set, mode and channel, across cities. */
  case_id: string;
}

export interface FindingSubjectTable {
  institution: string;
  finding_id: number;
}

export interface FindingHistoryTable {
  id: Generated<number>;
  finding_id: number;
  at: string;
  actor: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
}

export interface FindingCommentTable {
  id: Generated<number>;
  /** The finding commented on; null for a comment on a case, which shows on each of the case's findings. */
  finding_id: number | null;
  case_id: string | null;
  at: string;
  author: string;
  role: string;
  institution: string | null;
  text: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  /** Canonical JSON of the entry's details. */
  details: string;
  prev_hash: string;
  hash: string;
}

/** One city's coverage counts at a period (analytics/coverage-store.ts). */
export interface CoverageCellTable {
  mode: string;
  channel: string;
  period: string;
  city: string;
  mutual_pairs: number;
  pairs: number;
}

/** A period whose coverage cells are stored, and the members they count pairs of. */
export interface CoveragePeriodTable {
  period: string;
  members: string;
}

export interface Database {
  cities: CityTable;
  institutions: InstitutionTable;
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  reports: ReportTable;
  report_links: ReportLinkTable;
  report_packed_links: ReportPackedLinksTable;
  report_agreements: ReportAgreementTable;
  idempotency_keys: IdempotencyKeyTable;
  rule_settings: RuleSettingsTable;
  findings: FindingTable;
  finding_subjects: FindingSubjectTable;
  finding_history: FindingHistoryTable;
  finding_comments: FindingCommentTable;
  audit_log: AuditLogTable;
  coverage_cells: CoverageCellTable;
  coverage_periods: CoveragePeriodTable;
}

export type CityRow = Selectable<CityTable>;
export type InstitutionRow = Selectable<InstitutionTable>;
export type UserRow = Selectable<UserTable>;
export type ReportRow = Selectable<ReportTable>;
export type NewReportLink = Insertable<ReportLinkTable>;
export type NewReportAgreement = Insertable<ReportAgreementTable>;
export type FindingRow = Selectable<FindingTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
