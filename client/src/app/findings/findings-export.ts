import { inject, Injectable } from '@angular/core';
import type { ExportFormat } from '../core/api/api-types';
import { FileDownload, type Downloaded } from '../shared/file-download';

/** What a finished export tells the user: the file's name, its hash and how many findings it holds. */
export interface ExportResult extends Downloaded {
  format: ExportFormat;
}

/** Downloads GET /exports/findings as a file and keeps the hash the server computed over its bytes. */
@Injectable({ providedIn: 'root' })
export class FindingsExport {
  private readonly files = inject(FileDownload);

  async download(format: ExportFormat, filters: Record<string, string>, sort?: string): Promise<ExportResult> {
    const params = { ...filters, format, ...(sort ? { sort } : {}) };
    return { format, ...(await this.files.download('/api/v1/exports/findings', params, `interop-findings.${format}`)) };
  }
}
