// What the submit page does with files: tells a links CSV from an agreements CSV or a JSON report,
// makes the CSV templates, and saves receipts; all in the browser, nothing sent.
import type { Receipt } from '../core/api/api-types';
import { saveBlob } from '../shared/file-download';

/** The columns the API expects, in order (DESIGN.md, Reports). */
export const LINK_COLUMNS = ['scanner', 'issuer', 'mode', 'channel', 'city', 'status', 'since'] as const;
export const AGREEMENT_COLUMNS = [
  'ref',
  'counterparty',
  'kind',
  'exclusive',
  'fee_bps',
  'cities',
  'modes',
  'channels',
  'restrictions',
  'effective',
  'expires',
  'text',
] as const;

export type ReportFileKind = 'links' | 'agreements' | 'json' | 'unknown';

/**
 * What a dropped file holds, from its name and the start of its text: `.json` is a whole report;
 * a CSV is told apart by its header row (a BOM and the case of the names do not matter).
 */
export function classifyReportFile(name: string, head: string): ReportFileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  const header = head
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .toLowerCase()
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  if (header.includes('scanner') && header.includes('issuer')) return 'links';
  if (header.includes('ref') && header.includes('counterparty')) return 'agreements';
  if (lower.endsWith('.csv')) return lower.includes('agreement') ? 'agreements' : lower.includes('link') ? 'links' : 'unknown';
  return 'unknown';
}

/** A counterparty for the example rows that is not the reporter itself. */
function exampleCounterparty(institution: string): string {
  return institution === 'unionpay' ? 'alipay' : 'unionpay';
}

/** A CSV template: the header row and one example row for the reporting institution. */
export function csvTemplate(kind: 'links' | 'agreements', institution: string, period: string): string {
  const reporter = institution || 'your-institution-id';
  const other = exampleCounterparty(reporter);
  const firstDay = /^\d{4}-\d{2}$/.test(period) ? `${period}-01` : '2021-01-01';
  const rows =
    kind === 'links'
      ? [LINK_COLUMNS.join(','), [reporter, other, 'mpm', 'offline', '110000', 'live', firstDay].join(',')]
      : [
          AGREEMENT_COLUMNS.join(','),
          ['AG-001', other, 'acceptance', 'false', '5', '*', 'mpm;cpm', 'offline', '', firstDay, '', ''].join(','),
        ];
  return rows.join('\r\n') + '\r\n';
}

/** The file name a template is saved under. */
export function templateFileName(kind: 'links' | 'agreements', institution: string): string {
  return `${institution || 'report'}-${kind}-template.csv`;
}

/** The file name a receipt is saved under: institution, period and version say which one it is. */
export function receiptFileName(receipt: Receipt): string {
  return `receipt-${receipt.institution}-${receipt.period}-v${receipt.version}${receipt.dryRun ? '-dry-run' : ''}.json`;
}

/** Makes the browser save the text as a file. */
export function saveText(document: Document, text: string, fileName: string, type: string): void {
  saveBlob(document, new Blob([text], { type }), fileName);
}

/** Saves a receipt as pretty-printed JSON. */
export function saveReceipt(document: Document, receipt: Receipt): void {
  saveText(document, JSON.stringify(receipt, null, 2) + '\n', receiptFileName(receipt), 'application/json');
}
