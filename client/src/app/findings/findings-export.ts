import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { ExportFormat } from '../core/api/api-types';

/** What a finished export tells the user: the file's name, its hash and how many findings it holds. */
export interface ExportResult {
  format: ExportFormat;
  filename: string;
  sha256: string;
  rows: number | null;
}

/** Reads the file name out of a Content-Disposition header (RFC 6266, with the UTF-8 form preferred). */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Downloads GET /exports/findings as a file and keeps the hash the server computed over its bytes. */
@Injectable({ providedIn: 'root' })
export class FindingsExport {
  private readonly http = inject(HttpClient);

  async download(format: ExportFormat, filters: Record<string, string>, sort?: string): Promise<ExportResult> {
    const params = { ...filters, format, ...(sort ? { sort } : {}) };
    const response = await firstValueFrom(this.http.get('/api/v1/exports/findings', { params, responseType: 'blob', observe: 'response' }));
    const filename = filenameOf(response.headers.get('Content-Disposition'), `interop-findings.${format}`);
    this.save(response.body!, filename);
    const rows = Number(response.headers.get('X-Export-Rows'));
    return { format, filename, sha256: response.headers.get('X-Content-SHA256') ?? '', rows: Number.isFinite(rows) && response.headers.has('X-Export-Rows') ? rows : null };
  }

  /** Hands the bytes to the browser as a download. */
  private save(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = filename;
    anchor.style.display = 'none';
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    // Revoked later: some browsers start reading the blob only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
