import { inject, Injectable } from '@angular/core';
import type { ExportFormat } from '../core/api/api-types';
import { FileDownload, type Downloaded } from '../shared/file-download';

/** One row per case (rule, subjects, mode and channel across cities) or per finding (per city). */
export type ExportRows = 'case' | 'finding';

/** What a finished export tells the user: the file's name, its hash and how many rows it holds. */
export interface ExportResult extends Downloaded {
  format: ExportFormat;
  by: ExportRows;
}

/** Downloads GET /exports/findings as a file and keeps the hash the server computed over its bytes. */
@Injectable({ providedIn: 'root' })
export class FindingsExport {
  private readonly files = inject(FileDownload);

  async download(format: ExportFormat, filters: Record<string, string>, sort?: string, by: ExportRows = 'finding'): Promise<ExportResult> {
    // By finding is the API's default: its URL stays as it always was.
    const params = { ...filters, format, ...(by === 'case' ? { by } : {}), ...(sort ? { sort } : {}) };
    const fallbackName = by === 'case' ? `interop-cases.${format}` : `interop-findings.${format}`;
    return { format, by, ...(await this.files.download('/api/v1/exports/findings', params, fallbackName)) };
  }
}
