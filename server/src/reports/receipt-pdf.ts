// A report's receipt as a one-page PDF that compliance staff print and file: who reported which
// month, which version, when, how much, and the hash that identifies the content. Labels in English
// and Chinese; set in the CJK font of the findings export so that Chinese names render.
import PDFDocument from 'pdfkit';
import type { Institution } from '../contract/reference.js';
import type { ReportSummary } from '../contract/reports.js';
import { registerCjkFonts } from '../documents/pdf-fonts.js';

/** Warnings printed one by one; the rest are counted (a dropped national network can warn thousands of times). */
const LISTED_WARNINGS = 50;
const GREY = '#555555';

/** The file name a receipt is saved under: institution, period and version say which one it is. */
export function receiptPdfName(receipt: Pick<ReportSummary, 'institution' | 'period' | 'version'>): string {
  return `receipt-${receipt.institution}-${receipt.period}-v${receipt.version}.pdf`;
}

/**
 * The PDF bytes. Its creation date is the time the report was received, so that the same receipt
 * downloaded twice is the same file with the same SHA-256.
 */
export async function receiptPdf(receipt: ReportSummary, institution: Institution | undefined): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `Interop Monitor — receipt ${receipt.institution} ${receipt.period} v${receipt.version}`,
      CreationDate: new Date(receipt.receivedAt),
    },
  });
  // One weight: a second font would double the time a receipt takes to make; headings differ by size and colour.
  registerCjkFonts(doc, 'text');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  doc.font('text').fontSize(22).text('Interop Monitor');
  doc.fontSize(16).text('Report receipt · 报告回执');
  doc.moveDown(1.5);
  const line = (label: string, value: string) => {
    doc.fontSize(9).fillColor(GREY).text(label);
    doc.fontSize(11).fillColor('black').text(value).moveDown(0.5);
  };
  line('Institution · 机构', institution ? `${institution.name} · ${institution.nameZh} (${institution.id})` : receipt.institution);
  line('Period · 报告期', receipt.period);
  line(
    'Version · 版本',
    receipt.latest ? String(receipt.version) : `${receipt.version} (superseded by a later version · 已被后续版本取代)`,
  );
  line('Received at (UTC) · 接收时间', receipt.receivedAt);
  line('Submitted by · 提交人', receipt.submittedBy);
  line('Receipt id · 回执编号', String(receipt.id));
  line('Links · 链接', String(receipt.counts.links));
  line('Agreements · 协议', String(receipt.counts.agreements));
  line('Warnings · 警告', String(receipt.warnings.length));
  line('Report hash · 报告哈希 (SHA-256)', receipt.sha256);
  doc
    .font('text')
    .fontSize(8)
    .fillColor(GREY)
    .text(
      'The report hash is the SHA-256 of the canonical content of the report: the same declaration sent as JSON or as CSV, in any row order, has the same hash. ' +
        'The same receipt is available as JSON from GET /api/v1/reports/' +
        receipt.id +
        '/receipt. ' +
        '报告哈希为报告规范内容的 SHA-256：同一申报无论以 JSON 或 CSV 提交、行序如何，哈希均相同。',
    )
    .fillColor('black');

  if (receipt.warnings.length > 0) {
    doc.moveDown(1.2);
    doc.fontSize(13).text('Warnings (not errors) · 提示（非错误）').moveDown(0.4);
    for (const w of receipt.warnings.slice(0, LISTED_WARNINGS)) {
      doc.fontSize(9).text(`• ${w.code}${w.row ? ` (row ${w.row})` : ''}: ${w.message}`);
      // Warnings stored since they have two languages print in both, as the rest of the receipt.
      const zh = (w as { messageZh?: string }).messageZh;
      if (zh) doc.fontSize(9).text(`  ${zh}`);
      doc.moveDown(0.2);
    }
    const more = receipt.warnings.length - LISTED_WARNINGS;
    if (more > 0) doc.fontSize(9).fillColor(GREY).text(`… and ${more} more · 另有 ${more} 条`).fillColor('black');
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
