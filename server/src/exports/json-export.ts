// Findings as JSON for machines. Deterministic (no timestamp in the body): the same findings and
// filters give the same bytes, so its SHA-256 is the "data hash" the PDF report prints.
import type { ExportedFinding } from './finding-source.js';
import { write, type ExportWriter } from './export-writer.js';

export const writeJson: ExportWriter = async (source, out, meta) => {
  await write(out, `{"filters":${JSON.stringify(meta.filters)},"sort":${JSON.stringify(meta.sort)},"total":${meta.total},"findings":[`);
  let first = true;
  for await (const chunk of source.chunks()) {
    const text = chunk.map((f: ExportedFinding) => JSON.stringify(f)).join(',');
    if (text) await write(out, (first ? '\n' : ',\n') + text);
    first = first && !text;
  }
  await write(out, '\n]}\n');
};
