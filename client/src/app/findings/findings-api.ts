import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Finding, FindingStatus, ReportDetail } from '../core/api/api-types';

/** The findings endpoints that change things (the pages read through httpResource). */
@Injectable({ providedIn: 'root' })
export class FindingsApi {
  private readonly http = inject(HttpClient);

  /** PATCH /findings/:id; the note is left out when blank. */
  changeStatus(id: number, status: FindingStatus, note?: string): Promise<Finding> {
    const body: { status: FindingStatus; note?: string } = { status };
    if (note?.trim()) body.note = note.trim();
    return firstValueFrom(this.http.patch<Finding>(`/api/v1/findings/${id}`, body));
  }

  addComment(id: number, text: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`/api/v1/findings/${id}/comments`, { text }));
  }

  report(id: number): Promise<ReportDetail> {
    return firstValueFrom(this.http.get<ReportDetail>(`/api/v1/reports/${id}`));
  }
}
