import { pino, type DestinationStream, type Logger } from 'pino';
import { LogOutput } from './log-output.js';

export type { Logger };

/** A logger writing JSON lines to `output` (standard output by default), never blocking the process. */
export function createLogger(
  level: string,
  output: DestinationStream = level === 'silent' ? { write: () => undefined } : new LogOutput(),
): Logger {
  return pino({ level, redact: ['req.headers.cookie', 'req.headers.authorization', 'password'] }, output);
}
