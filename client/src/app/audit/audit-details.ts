// An audit entry's details, made readable in a table cell: one "key value" pair per field, hashes
// shortened, nested records spelled out one level deep. The whole entry stays a link away as JSON.

/** The most fields and characters a cell shows: a rule run can list thousands of status changes. */
const MAX_FIELDS = 6;
const MAX_VALUE = 60;

export interface DetailField {
  key: string;
  value: string;
}

export interface DetailsSummary {
  fields: DetailField[];
  /** True when something was left out or shortened beyond a hash: the cell links to the whole entry. */
  cut: boolean;
}

const HASH = /^[0-9a-f]{64}$/;
/** A shortened hash alone is not a cut: its entry's hash column and the export record hold it whole. */
const HASH_CUT = /^[0-9a-f]{12}…$/;

function scalar(value: unknown): string {
  if (typeof value === 'string') return HASH.test(value) ? `${value.slice(0, 12)}…` : value;
  if (value === null || value === undefined) return '—';
  return String(value);
}

/** One line for a value: a list joined by commas, a record as "key value" pairs (one level deep). */
function inline(value: unknown, depth = 0): string {
  if (Array.isArray(value)) return value.every((v) => typeof v !== 'object' || v === null) ? value.map(scalar).join(', ') : `${value.length} ×`;
  if (typeof value === 'object' && value !== null) {
    if (depth > 0) return '…';
    return Object.entries(value)
      .map(([k, v]) => `${k} ${inline(v, depth + 1)}`)
      .join('; ');
  }
  return scalar(value);
}

function line(value: unknown): { text: string; cut: boolean } {
  const text = inline(value);
  const cut = text.length > MAX_VALUE || text.includes('…') && !HASH_CUT.test(text) || text.includes(' ×');
  return { text: text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text, cut };
}

export function summariseDetails(details: Record<string, unknown>): DetailsSummary {
  const entries = Object.entries(details);
  let cut = entries.length > MAX_FIELDS;
  const fields = entries.slice(0, MAX_FIELDS).map(([key, value]) => {
    const l = line(value);
    cut ||= l.cut;
    return { key, value: l.text };
  });
  return { fields, cut };
}
