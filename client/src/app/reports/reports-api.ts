import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { Receipt, ReportSummary } from '../core/api/api-types';

export interface ReportListQuery {
  institution?: string;
  period?: string;
  page: number;
  pageSize: number;
}

/** The report endpoints the reports pages use. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /** Sends the CSV files; dryRun validates without storing. */
  submitCsv(form: FormData, dryRun: boolean): Observable<Receipt> {
    return this.http.post<Receipt>('/api/v1/reports', form, { params: dryRun ? { dryRun: 'true' } : {} });
  }

  /** Sends a whole report as JSON (as an institution's system would); dryRun validates without storing. */
  submitJson(report: Record<string, unknown>, dryRun: boolean): Observable<Receipt> {
    return this.http.post<Receipt>('/api/v1/reports', report, { params: dryRun ? { dryRun: 'true' } : {} });
  }

  /** The latest version stored for (institution, period), or null: what a submission would replace. */
  latestVersion(institution: string, period: string): Observable<ReportSummary | null> {
    // Versions of one month are listed newest first.
    return this.list({ institution, period, page: 1, pageSize: 1 }).pipe(map((answer) => answer.items[0] ?? null));
  }

  list(query: ReportListQuery): Observable<{ items: ReportSummary[]; total: number }> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.institution) params = params.set('institution', query.institution);
    if (query.period) params = params.set('period', query.period);
    return this.http.get<{ items: ReportSummary[]; total: number }>('/api/v1/reports', { params });
  }
}
