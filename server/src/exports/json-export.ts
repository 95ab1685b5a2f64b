// Findings as JSON for machines. Deterministic (no timestamp in the body): the same findings and
// filters give the same bytes, so its SHA-256 is the "data hash" the PDF report prints.
import type { Writable } from 'node:stream';
import { write } from '../documents/stream-write.js';
import type { ExportMeta, ExportWriter } from './export-writer.js';

/**
 * The JSON export's text piece by piece, so that the PDF can hash the same bytes as it draws: of
 * findings, or by case (`{ filters, by: "case", sort, total, cases }`).
 */
export class JsonExportText {
  private first = true;

  constructor(private readonly by: 'finding' | 'case' = 'finding') {}

  head(meta: ExportMeta): string {
    const by = this.by === 'case' ? `"by":"case",` : '';
    return `{"filters":${JSON.stringify(meta.filters)},${by}"sort":${JSON.stringify(meta.sort)},"total":${meta.total},"${this.by === 'case' ? 'cases' : 'findings'}":[`;
  }

  chunk(rows: readonly object[]): string {
    if (rows.length === 0) return '';
    const text = (this.first ? '\n' : ',\n') + rows.map((row) => JSON.stringify(row)).join(',\n');
    this.first = false;
    return text;
  }

  tail(): string {
    return '\n]}\n';
  }
}

/** Writes the JSON export of rows (findings, or cases) read a chunk at a time. */
export async function writeJsonRows(
  by: 'finding' | 'case',
  chunks: AsyncIterable<readonly object[]>,
  out: Writable,
  meta: ExportMeta,
): Promise<void> {
  const json = new JsonExportText(by);
  await write(out, json.head(meta));
  for await (const chunk of chunks) {
    const text = json.chunk(chunk);
    if (text) await write(out, text);
  }
  await write(out, json.tail());
}

export const writeJson: ExportWriter = (source, out, meta) => writeJsonRows('finding', source.chunks(), out, meta);
