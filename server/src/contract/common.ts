// Building blocks of the public contract. A message of the form "CODE: text" names the stable
// error code that validation reports for that field.
import { z } from 'zod';

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const CITY_CODE_PATTERN = /^(\d{6}|\*)$/;

/** A YYYY-MM-DD string that names a real day (no 2021-02-30). */
export const isCalendarDate = (s: string) =>
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Separates a coded message's English from its Chinese: the API answers one of the two (http/validate.ts). */
export const CODED_WORDS_SEPARATOR = '\u001e';
/** A schema's own problem message: its stable code and its words in English and Chinese. */
export const problemWords = (code: string, en: string, zh: string) => `${code}: ${en}${CODED_WORDS_SEPARATOR}${zh}`;

export const slug = z.string().regex(SLUG_PATTERN, {
  error: problemWords('BAD_SLUG', 'must be a slug of 2–40 lowercase letters, digits and hyphens', '应为 2–40 位的小写字母、数字和连字符'),
});
export const period = z
  .string()
  .regex(PERIOD_PATTERN, { error: problemWords('BAD_PERIOD', 'must be a month as YYYY-MM', '应为 YYYY-MM 格式的月份') });
export const isoDate = z
  .string()
  .regex(DATE_PATTERN, { error: problemWords('BAD_DATE', 'must be a date as YYYY-MM-DD', '应为 YYYY-MM-DD 格式的日期'), abort: true })
  .refine(isCalendarDate, {
    error: problemWords('BAD_DATE', 'is not a real calendar date', '不是真实的日历日期'),
  });
export const cityCode = z.string().regex(CITY_CODE_PATTERN, {
  error: problemWords('UNKNOWN_CITY', 'must be a six-digit GB/T 2260 code or *', '应为六位 GB/T 2260 代码或 *'),
});

export const role = z.enum(['analyst', 'auditor', 'institution', 'admin']);
export type Role = z.infer<typeof role>;

export const mode = z.enum(['mpm', 'cpm']);
export const channel = z.enum(['offline', 'online']);
export const linkStatus = z.enum(['live', 'pilot', 'planned', 'suspended']);
export const reconciliation = z.enum(['confirmed', 'disputed', 'unconfirmed']);

export const problemItem = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
});

export type ProblemItem = z.infer<typeof problemItem>;

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  requestId: z.string().optional(),
  errors: z.array(problemItem).optional(),
  warnings: z
    .array(problemItem)
    .optional()
    .describe(
      'a refused report (POST /reports): the warnings its well-formed rows already show, in the form of `errors`, so that they are seen together',
    ),
});
export type Problem = z.infer<typeof problem>;
