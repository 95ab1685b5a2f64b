// Checks large reports on a worker thread (report-check-worker.ts), so that parsing and
// validating a CSV near the size limit does not hold the event loop: /health and every read keep
// answering. One thread, started on first use and let go when idle (unref): reports are checked
// one after another there, as the gate admits one per institution anyway. Lives in AppContext.
import { Worker } from 'node:worker_threads';
import type { Link } from '../contract/reports.js';
import type { ProblemItem } from '../domain/errors.js';
import type { CheckResult, CheckInput } from './report-check.js';
import type { CheckRequest } from './report-check-worker.js';
import type { ReplacedVersion } from './report-warnings.js';
import type { ReferenceData } from './validate-report.js';

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; result: unknown } | { id: number; error: string };

/** From the sources (tests, npm run serve) the worker's TypeScript is loaded through tsx, as the main thread's is. */
function startWorker(): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const entry = new URL(`./report-check-worker.${compiled ? 'js' : 'ts'}`, import.meta.url);
  if (compiled) return new Worker(entry);
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(source, { eval: true });
}

export class ReportChecker {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  /** Parses and validates the report on the worker; a valid one is kept there for checked.warnings or checked.release. */
  async check(
    input: CheckInput,
    ref: ReferenceData,
  ): Promise<{
    result: CheckResult;
    warnings: (previousLinks: Link[], replaced?: ReplacedVersion) => Promise<ProblemItem[]>;
    release: () => void;
  }> {
    const id = this.nextId++;
    const result = (await this.ask({ id, type: 'check', input, ref })) as CheckResult;
    return {
      result,
      warnings: (previousLinks, replaced) => this.ask({ id, type: 'warnings', previousLinks, replaced }) as Promise<ProblemItem[]>,
      release: () => this.worker?.postMessage({ id, type: 'release' } satisfies CheckRequest),
    };
  }

  /** Ends the worker (tests, shutdown); the next check starts another. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failWaiting(new Error('the report checker was closed'));
    await worker?.terminate();
  }

  private ask(request: CheckRequest): Promise<unknown> {
    const worker = this.running();
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      // The worker holds the process up only while it has work.
      worker.ref();
      worker.postMessage(request);
    });
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (reply: Reply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if ('error' in reply) waiting?.reject(new Error(`report check failed: ${reply.error}`));
      else waiting?.resolve(reply.result);
    });
    // A worker that dies (out of memory, a bug) fails what it held; the next check starts another.
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failWaiting(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the report check worker exited (${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failWaiting(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
