// What every export format shares: the metadata it prints, the stream it writes to, and the text
// forms of evidence and history that flat formats (CSV, XLSX, PDF) use.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { FindingFilters } from '../contract/findings.js';
import type { ExportedFinding, FindingSource } from './finding-source.js';

export interface ExportMeta {
  filters: FindingFilters;
  sort: string;
  exportedAt: string;
  exportedBy: string;
  total: number;
}

export type ExportWriter = (source: FindingSource, out: Writable, meta: ExportMeta) => Promise<void>;

/** Writes with backpressure: waits for the stream to drain when its buffer is full. */
export async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * What a reader could take for a line break, or what reorders text on screen (bidi controls): in
 * quoted text these are written as escapes too, so that nothing inside the quotes looks outside them.
 */
const DISGUISING = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text someone wrote (a comment, a note, an agreement ref), quoted as a JSON string: line breaks
 * show as \n and quotes as \", so whatever it holds — a "|", a line made to look like another
 * entry — stays inside its author's quotes.
 */
export function quotedText(text: string): string {
  return JSON.stringify(text).replace(DISGUISING, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function evidenceLine(e: ExportedFinding['evidence'][number]): string {
  return `report ${e.reportId} v${e.version} (${e.institution} ${e.period})${e.agreementRef ? ` agreement ${quotedText(e.agreementRef)}` : e.row !== undefined ? ` ${linkIndexText(e.row)}` : ''}`;
}

export function evidenceText(f: ExportedFinding): string {
  return f.evidence.map(evidenceLine).join('; ');
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

export function commentsText(f: ExportedFinding): string {
  return f.comments.map((c) => `${commentAuthorship(c)}: ${quotedText(c.text)}`).join(' | ');
}

export function historyLine(h: ExportedFinding['history'][number]): string {
  return `${h.at} ${h.actor}: ${h.from ?? '—'} → ${h.to}${h.note ? `, note ${quotedText(h.note)}` : ''}`;
}

export function historyText(f: ExportedFinding): string {
  return f.history.map(historyLine).join(' | ');
}
