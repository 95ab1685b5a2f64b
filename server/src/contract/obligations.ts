// An institution's reporting calendar: each period it owes a report for, when it is due, and whether it came.
import { z } from 'zod';
import { findingStatus } from './findings.js';

export const obligationsQuery = z.strictObject({});

export const obligationStatus = z.enum(['submitted', 'due', 'late']);

export const obligation = z.object({
  period: z.string(),
  dueDate: z.string().describe('Day `dueDay` of the month after the period (YYYY-MM-DD).'),
  status: obligationStatus.describe(
    '`submitted`: a report exists; `due`: none yet, and today (UTC) is not after the due date; `late`: none, and today is after it.',
  ),
  report: z
    .object({
      id: z.number().int().describe('The latest version’s report id.'),
      version: z.number().int(),
      receivedAt: z.string().describe('When the latest version arrived.'),
      firstReceivedAt: z.string().describe('When version 1 arrived.'),
      onTime: z.boolean().describe('Whether version 1 arrived on or before the due date (UTC).'),
    })
    .nullable(),
  finding: z
    .object({ id: z.number().int(), status: findingStatus })
    .nullable()
    .describe('The LATE-001 finding about this period, if one was raised (it stays, resolved, after a late report arrives).'),
});
export type Obligation = z.infer<typeof obligation>;

export const obligations = z.object({
  institution: z.string(),
  active: z.boolean().describe('An inactive institution owes nothing: only the periods it reported are listed.'),
  dueDay: z.number().int().describe('LATE-001’s current setting.'),
  today: z.string().describe('The server’s date (UTC) the statuses are computed for.'),
  nextDue: z.object({ period: z.string(), dueDate: z.string() }).nullable().describe('The earliest period still `due`: the next deadline.'),
  items: z.array(obligation).describe('Newest period first.'),
});
export type Obligations = z.infer<typeof obligations>;
