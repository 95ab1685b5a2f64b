import { z } from 'zod';
import { channel, linkStatus, mode, period, reconciliation, problemWords } from './common.js';

export const matrixQuery = z.strictObject({
  city: z
    .string()
    .regex(/^\d{6}$/, { error: problemWords('UNKNOWN_CITY', 'city is a six-digit GB/T 2260 code', '城市应为六位 GB/T 2260 代码') }),
  period,
  mode: mode.default('mpm'),
  channel: channel.default('offline'),
});

export const matrixCell = z.object({
  scanner: z.string(),
  issuer: z.string(),
  status: linkStatus,
  since: z.string(),
  reconciliation,
});

export const matrix = z.object({
  period: z.string(),
  city: z.string(),
  mode,
  channel,
  institutions: z.array(z.string()),
  cells: z.array(matrixCell),
});
export type Matrix = z.infer<typeof matrix>;
