// Turns the links and agreements CSV files into the JSON report shape, and maps JSON paths of
// validation errors back to CSV rows and columns.
import type { ProblemItem } from '../domain/errors.js';
import { readCsvTable } from './csv-table.js';

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
const AGREEMENT_REQUIRED = AGREEMENT_COLUMNS.filter((c) => c !== 'text' && c !== 'expires' && c !== 'restrictions' && c !== 'fee_bps');

/** Where each JSON field of an agreement lives in the CSV. */
const AGREEMENT_COLUMN_OF: Record<string, string> = {
  feeBps: 'fee_bps',
  cities: 'cities',
  modes: 'modes',
  channels: 'channels',
};

export interface CsvReport {
  /** The report in its JSON shape, not yet validated. */
  body: Record<string, unknown>;
  errors: ProblemItem[];
  /** Maps a problem's JSON path to the CSV row and column it came from. */
  locate: (problem: ProblemItem) => ProblemItem;
}

const list = (cell: string) =>
  cell === ''
    ? []
    : cell
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');

function booleanCell(cell: string): boolean | string {
  const v = cell.toLowerCase();
  if (['true', '1', 'yes', 'y'].includes(v)) return true;
  if (['false', '0', 'no', 'n', ''].includes(v)) return false;
  return cell;
}

function feeCell(cell: string): number | null | string {
  if (cell === '') return null;
  return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
}

export function csvReport(fields: { institution?: string; period?: string }, links: Uint8Array, agreements?: Uint8Array): CsvReport {
  const linkTable = readCsvTable(links, LINK_COLUMNS, LINK_COLUMNS, 'links');
  const agreementTable = agreements
    ? readCsvTable(agreements, AGREEMENT_COLUMNS, AGREEMENT_REQUIRED, 'agreements')
    : { records: [], errors: [] };
  const body = {
    institution: fields.institution,
    period: fields.period,
    links: linkTable.records.map((r) => ({ ...r.values })),
    agreements: agreementTable.records.map(({ values: v }) => ({
      ref: v.ref,
      counterparty: v.counterparty,
      kind: v.kind,
      exclusive: booleanCell(v.exclusive),
      feeBps: feeCell(v.fee_bps ?? ''),
      scope: { cities: list(v.cities), modes: list(v.modes), channels: list(v.channels) },
      restrictions: list(v.restrictions ?? ''),
      effective: v.effective,
      expires: v.expires ? v.expires : null,
      ...(v.text ? { text: v.text } : {}),
    })),
  };

  function locate(problem: ProblemItem): ProblemItem {
    const match = /^\$\.(links|agreements)\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?/.exec(problem.path ?? '');
    if (!match) {
      const field = /^\$\.(\w+)/.exec(problem.path ?? '')?.[1];
      return { ...problem, ...(field ? { column: field } : {}) };
    }
    const [, file, index, field, subfield] = match;
    const table = file === 'links' ? linkTable : agreementTable;
    const row = table.records[Number(index)]?.row;
    const key = subfield ?? field;
    const column = key ? (AGREEMENT_COLUMN_OF[key] ?? key) : undefined;
    const { path: _path, sameAs, ...rest } = problem;
    const named = sameAs ? namedByRow(problem, sameAs) : problem;
    return {
      ...rest,
      ...(row ? { row } : {}),
      ...(column ? { column } : {}),
      message: `${file}: ${named.message}`,
      messageZh: `${file} 文件：${named.messageZh}`,
    };
  }

  /** A duplicate's message naming the row it repeats by its CSV row number, as the submitter sees the file. */
  function namedByRow(problem: ProblemItem, sameAs: string): Pick<ProblemItem, 'message' | 'messageZh'> {
    const match = /^\$\.(links|agreements)\[(\d+)\]$/.exec(sameAs);
    const row = match && (match[1] === 'links' ? linkTable : agreementTable).records[Number(match[2])]?.row;
    if (!match || !row) return problem;
    // The JSON name comes last in both wordings (validate-report.ts), after any text the reporter wrote.
    const jsonName = `${match[1]}[${match[2]}]`;
    return {
      message: replaceLast(problem.message, jsonName, `row ${row}`),
      messageZh: replaceLast(problem.messageZh, jsonName, `第 ${row} 行`, true),
    };
  }

  return { body, errors: [...linkTable.errors, ...agreementTable.errors], locate };
}

/** Replaces the last occurrence of `part`; in Chinese, with the spaces that set the Latin name apart. */
function replaceLast(text: string, part: string, by: string, withSpaces = false): string {
  let at = text.lastIndexOf(part);
  if (at < 0) return text;
  let end = at + part.length;
  if (withSpaces && text[at - 1] === ' ') at -= 1;
  if (withSpaces && text[end] === ' ') end += 1;
  return text.slice(0, at) + by + text.slice(end);
}
