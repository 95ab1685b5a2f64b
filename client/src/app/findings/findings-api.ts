import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { CaseCommentAnswer, CaseStatusChange, Finding, FindingStatus, ReportDetail } from '../core/api/api-types';

/** The body of a status change (a finding's or a case's); the note is left out when blank. */
function statusChange(status: FindingStatus, note?: string): { status: FindingStatus; note?: string } {
  return note?.trim() ? { status, note: note.trim() } : { status };
}

/** The findings and cases endpoints that change things (the pages read through httpResource). */
@Injectable({ providedIn: 'root' })
export class FindingsApi {
  private readonly http = inject(HttpClient);

  /** PATCH /findings/:id. */
  changeStatus(id: number, status: FindingStatus, note?: string): Promise<Finding> {
    return firstValueFrom(this.http.patch<Finding>(`/api/v1/findings/${id}`, statusChange(status, note)));
  }

  addComment(id: number, text: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`/api/v1/findings/${id}/comments`, { text }));
  }

  /** PATCH /cases/:id: moves each of the case's findings for which the step is legal, in one go. */
  changeCaseStatus(caseId: string, status: FindingStatus, note?: string): Promise<CaseStatusChange> {
    return firstValueFrom(this.http.patch<CaseStatusChange>(`/api/v1/cases/${encodeURIComponent(caseId)}`, statusChange(status, note)));
  }

  /** POST /cases/:id/comments: one comment, shown on the case and on each of its findings. */
  addCaseComment(caseId: string, text: string): Promise<CaseCommentAnswer> {
    return firstValueFrom(this.http.post<CaseCommentAnswer>(`/api/v1/cases/${encodeURIComponent(caseId)}/comments`, { text }));
  }

  report(id: number): Promise<ReportDetail> {
    return firstValueFrom(this.http.get<ReportDetail>(`/api/v1/reports/${id}`));
  }
}
