// Findings as JSON for machines. Deterministic (no timestamp in the body): the same findings and
// filters give the same bytes, so its SHA-256 is the "data hash" the PDF report prints.
import type { ExportedFinding } from './finding-source.js';
import { write, type ExportMeta, type ExportWriter } from './export-writer.js';

/** The JSON export's text piece by piece, so that the PDF can hash the same bytes as it draws. */
export class JsonExportText {
  private first = true;

  head(meta: ExportMeta): string {
    return `{"filters":${JSON.stringify(meta.filters)},"sort":${JSON.stringify(meta.sort)},"total":${meta.total},"findings":[`;
  }

  chunk(findings: readonly ExportedFinding[]): string {
    if (findings.length === 0) return '';
    const text = (this.first ? '\n' : ',\n') + findings.map((f) => JSON.stringify(f)).join(',\n');
    this.first = false;
    return text;
  }

  tail(): string {
    return '\n]}\n';
  }
}

export const writeJson: ExportWriter = async (source, out, meta) => {
  const json = new JsonExportText();
  await write(out, json.head(meta));
  for await (const chunk of source.chunks()) {
    const text = json.chunk(chunk);
    if (text) await write(out, text);
  }
  await write(out, json.tail());
};
