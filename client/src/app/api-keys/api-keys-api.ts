import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';

/**
 * An institution's API key as the API lists it (no secret). The contract declares this shape
 * inside server/src/contract/operations.ts without exporting it, so it is written out here.
 */
export interface ApiKey {
  id: string;
  institution: string;
  name: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A key just created: the only time its secret is seen. */
export interface NewApiKey extends ApiKey {
  key: string;
}

/** The API key endpoints of one institution. */
@Injectable({ providedIn: 'root' })
export class ApiKeysApi {
  private readonly http = inject(HttpClient);

  static listUrl(institution: string): string {
    return `/api/v1/institutions/${encodeURIComponent(institution)}/api-keys`;
  }

  create(institution: string, name: string): Observable<NewApiKey> {
    return this.http.post<NewApiKey>(ApiKeysApi.listUrl(institution), name.trim() ? { name: name.trim() } : {});
  }

  revoke(institution: string, keyId: string): Observable<void> {
    return this.http.delete<void>(`${ApiKeysApi.listUrl(institution)}/${encodeURIComponent(keyId)}`);
  }
}
