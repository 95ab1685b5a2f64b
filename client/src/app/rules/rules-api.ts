import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { RulePreview, RuleView } from '../core/api/api-types';

/** The rule endpoints that compute or change something. */
@Injectable({ providedIn: 'root' })
export class RulesApi {
  private readonly http = inject(HttpClient);

  preview(id: string, settings: Record<string, number>): Promise<RulePreview> {
    return firstValueFrom(this.http.post<RulePreview>(`/api/v1/rules/${encodeURIComponent(id)}/preview`, { settings }));
  }

  /** Admins only; the server re-runs the rule before answering. */
  update(id: string, change: { enabled?: boolean; settings?: Record<string, number> }): Promise<RuleView> {
    return firstValueFrom(this.http.put<RuleView>(`/api/v1/rules/${encodeURIComponent(id)}`, change));
  }
}
