// The shapes of /api/v1/cases (issue 26 §1, DESIGN "case"), written from the agreed contract while
// the server's schema (server/src/contract/) is built beside this client; to be taken from it as
// types only once it lands.
import type { Channel, Finding, FindingStatus, FindingSummary, Mode, Severity } from '../core/api/api-types';

/** How many of a case's findings are in each status (zeros included). */
export type StatusCounts = Record<FindingStatus, number>;

/** One rule, one set of subjects, one mode and one channel, across the cities where it holds. */
export interface CaseSummary {
  /** Opaque: 16 hex characters; taken from the list, never built. */
  id: string;
  ruleId: string;
  subjects: string[];
  mode: Mode | null;
  channel: Channel | null;
  /** The worst of its findings'. */
  severity: Severity;
  /** City codes, sorted; empty when its findings have no city (agreement rules). */
  cities: string[];
  statuses: StatusCounts;
  findingCount: number;
  firstPeriod: string;
  lastPeriod: string;
  /** One finding's (the most recently updated). */
  explanation: string;
  explanationZh: string;
  updatedAt: string;
}

/** A case's thread holds the same comments as its findings' pages. */
export type CaseComment = Finding['comments'][number];

/** GET /cases/:id: the summary, a page of its findings, its comment thread and what triage may do. */
export interface CaseDetail extends CaseSummary {
  findings: { items: FindingSummary[]; total: number };
  /** Oldest first. */
  comments: CaseComment[];
  /** Statuses at least one of its findings may move to; empty for institutions and auditors. */
  allowedTransitions: FindingStatus[];
}

/** Why a finding of the case did not move. */
export type UnchangedReason = 'SAME_STATUS' | 'ILLEGAL_TRANSITION';

/** PATCH /cases/:id answers how many findings moved and which did not. */
export interface CaseTransitionOutcome {
  moved: number;
  unchanged: { id: number; reason: UnchangedReason }[];
}

/** POST /cases/:id/comments: the comment, and on how many findings' pages it now shows. */
export interface CaseCommentAnswer {
  comment: CaseComment;
  findings: number;
}
