// Downloads a file from the API as the browser's download, keeping what the server says of its
// bytes (X-Content-SHA256, X-Export-Rows): exports, kept exports, audit exports and certificates.
import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Problem } from '../core/api/api-types';
import { problemOf } from './problem';

/** What a finished download tells the user: the file's name, its hash and how many rows it holds. */
export interface Downloaded {
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

/** A failed blob request carries its problem+json as a Blob: read it before making sense of it. */
export async function problemFromBlob(error: unknown): Promise<Problem> {
  const body = (error as { error?: unknown })?.error;
  if (body instanceof Blob) {
    try {
      const parsed = JSON.parse(await body.text()) as Problem;
      if (parsed && typeof parsed.title === 'string') return { ...parsed, status: parsed.status ?? (error as { status: number }).status };
    } catch {
      // not JSON: fall through to the generic reading
    }
  }
  return problemOf(error);
}

/** Hands the bytes to the browser as a download (a Blob behind a temporary link). */
export function saveBlob(document: Document, blob: Blob, filename: string): void {
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

@Injectable({ providedIn: 'root' })
export class FileDownload {
  private readonly http = inject(HttpClient);

  /** GETs `url` as a file and hands it to the browser; rejects with the HTTP error (see problemFromBlob). */
  async download(url: string, params: Record<string, string>, fallbackName: string): Promise<Downloaded> {
    const response = await firstValueFrom(this.http.get(url, { params, responseType: 'blob', observe: 'response' }));
    const filename = filenameOf(response.headers.get('Content-Disposition'), fallbackName);
    saveBlob(document, response.body!, filename);
    const rows = Number(response.headers.get('X-Export-Rows'));
    return {
      filename,
      sha256: response.headers.get('X-Content-SHA256') ?? '',
      rows: Number.isFinite(rows) && response.headers.has('X-Export-Rows') ? rows : null,
    };
  }
}
