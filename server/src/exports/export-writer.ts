// What every export format shares: the metadata it prints, the stream it writes to, and the text
// forms of evidence and history that flat formats (CSV, XLSX, PDF) use.
import type { Writable } from 'node:stream';
import type { FindingFilters } from '../contract/findings.js';
import { quotedText } from '../text/quoted-text.js';
import type { ExportedFinding, FindingSource } from './finding-source.js';

export interface ExportMeta {
  filters: FindingFilters;
  sort: string;
  exportedAt: string;
  exportedBy: string;
  total: number;
}

export type ExportWriter = (source: FindingSource, out: Writable, meta: ExportMeta) => Promise<void>;

export function evidenceLine(e: ExportedFinding['evidence'][number]): string {
  return `report ${e.reportId} v${e.version} (${e.institution} ${e.period})${e.agreementRef ? ` agreement ${quotedText(e.agreementRef)}` : e.row !== undefined ? ` ${linkIndexText(e.row)}` : ''}${supersededText(e)}`;
}

export function evidenceText(f: ExportedFinding): string {
  return f.evidence.map(evidenceLine).join('; ');
}

/** Evidence a later version of its report superseded stays in exports, marked (a correction erases nothing). */
function supersededText(e: { superseded?: true }): string {
  return e.superseded ? ' [superseded by a later version]' : '';
}

/** Evidence rows index the report's links from 0; say so, since CSV errors count lines from 1. */
function linkIndexText(row: number): string {
  return `link #${row} (0-based)`;
}

export function periodsText(f: ExportedFinding): string {
  return f.periods.map(([from, to]) => (from === to ? from : `${from}…${to}`)).join(', ');
}

/** Who wrote a comment and when: "<at> <author> (<institution>)", the author's name never coming from the text. */
export function commentAuthorship(c: ExportedFinding['comments'][number]): string {
  return `${c.at} ${c.author}${c.institution ? ` (${c.institution})` : ''}`;
}

/** A finding's own comments, or a case's thread, as one cell of text. */
export function commentsText(of: Pick<ExportedFinding, 'comments'>): string {
  return of.comments.map((c) => `${commentAuthorship(c)}: ${quotedText(c.text)}`).join(' | ');
}

export function historyLine(h: ExportedFinding['history'][number]): string {
  return `${h.at} ${h.actor}: ${h.from ?? '—'} → ${h.to}${h.note ? `, note ${quotedText(h.note)}` : ''}`;
}

export function historyText(f: ExportedFinding): string {
  return f.history.map(historyLine).join(' | ');
}
