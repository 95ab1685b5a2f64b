// The worker thread of ReportChecker: checks one report at a time, keeping each valid one until
// its warnings are asked for or it is let go.
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Link } from '../contract/reports.js';
import type { ReplacedVersion } from './report-warnings.js';
import { checkedWarnings, checkReport, type CheckedReport, type CheckInput } from './report-check.js';
import type { ReferenceData } from './validate-report.js';

export type CheckRequest =
  | { id: number; type: 'check'; input: CheckInput; ref: ReferenceData }
  | { id: number; type: 'warnings'; previousLinks: Link[]; replaced?: ReplacedVersion }
  | { id: number; type: 'release' };

/** Answers the checker's requests on `port`; what it keeps lives and dies with the thread. */
function serveChecks(port: MessagePort): void {
  const kept = new Map<number, CheckedReport>();
  port.on('message', (message: CheckRequest) => {
    try {
      if (message.type === 'check') {
        const { result, checked } = checkReport(message.input, message.ref);
        if (checked) kept.set(message.id, checked);
        port.postMessage({ id: message.id, result });
      } else if (message.type === 'warnings') {
        const checked = kept.get(message.id);
        kept.delete(message.id);
        if (!checked) throw new Error(`no checked report ${message.id}`);
        port.postMessage({ id: message.id, result: checkedWarnings(checked, message.previousLinks, message.replaced) });
      } else {
        kept.delete(message.id);
      }
    } catch (err) {
      kept.delete(message.id);
      port.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}

if (parentPort) serveChecks(parentPort);
