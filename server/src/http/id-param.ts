// Numeric ids in paths, read only as the API writes them.

/**
 * The id a path segment names when written as the API writes ids (1, 42), else NaN, which names no
 * row. Number() alone took 0x2a, 42.0, 4.2e1, +42, 042 and " 42" for 42: one record under many
 * URLs, which logs and the audit trail would then show as different ones.
 */
export function idParam(segment: string): number {
  return /^[1-9]\d{0,15}$/.test(segment) ? Number(segment) : NaN;
}
