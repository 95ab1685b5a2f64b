// The API's shapes, taken from the server's contract as types only: no server code reaches the browser.
import type { z } from 'zod';
import type { channel, linkStatus, mode, Problem as ApiProblem, ProblemItem, reconciliation } from '@contract/common';
import type { caseComment } from '@contract/cases';
import type { findingStatus, severity } from '@contract/findings';
import type { institutionKind } from '@contract/reference';
import type { reportDetail } from '@contract/reports';
import type { previewResult, ruleView } from '@contract/rules';
export type { Me, SessionAnswer } from '@contract/users';
export type { Role } from '@contract/common';
export type { City, Institution } from '@contract/reference';
export type { Receipt, ReportSummary } from '@contract/reports';
export type { Matrix } from '@contract/matrix';
export type { CoverageEntry, CoverageLines, CoverageSeries } from '@contract/analytics';
export type { Overview } from '@contract/overview';
export type { ProblemItem } from '@contract/common';
export type { Finding, FindingFilters } from '@contract/findings';
export type { AuditAction, AuditEntry, AuditVerification } from '@contract/audit';
export type { ExportCheck, ExportFormat, PastExport } from '@contract/exports';
export type RuleView = z.infer<typeof ruleView>;
export type RulePreview = z.infer<typeof previewResult>;
export type ReportDetail = z.infer<typeof reportDetail>;
/** POST /cases/:id/comments: the comment, and on how many findings' pages it now shows. */
export type CaseCommentAnswer = z.infer<typeof caseComment>;
export type { Obligation, Obligations } from '@contract/obligations';
export type { InstitutionLinks, LinkGroup } from '@contract/institution-links';
export type { AgreementView, InstitutionAgreements } from '@contract/institution-agreements';
export type { Openness, OpennessHistory } from '@contract/analytics';
export type { FindingSummary } from '@contract/findings';
export type { CaseDetail, CaseStatusChange, CaseSummary } from '@contract/cases';
export type { Comment } from '@contract/findings';

export type Mode = z.infer<typeof mode>;
export type Channel = z.infer<typeof channel>;
export type LinkStatus = z.infer<typeof linkStatus>;
export type Reconciliation = z.infer<typeof reconciliation>;
export type Severity = z.infer<typeof severity>;
export type FindingStatus = z.infer<typeof findingStatus>;
export type InstitutionKind = z.infer<typeof institutionKind>;

/**
 * A problem from the API, or one the client makes up when the server cannot be reached. A refused
 * report's problem also lists the warnings it would have been stored with, beside its errors.
 */
export type Problem = Partial<ApiProblem> & Pick<ApiProblem, 'title' | 'status'> & { warnings?: ProblemItem[] };

export interface ItemList<T> {
  items: T[];
  total?: number;
}
