// Stopping on SIGTERM or SIGINT within a deadline: stop accepting, let requests and rules runs in
// flight finish, close the database, exit 0; past SHUTDOWN_GRACE_MS, log what was still running and
// exit 1 (SQLite rolls back whatever transaction was open, as after a crash); a second signal exits
// at once.
import type { Server } from 'node:http';
import type { AppContext } from './app-context.js';
import type { LogOutput } from './log-output.js';

/** How long log lines may take to reach a slow reader once everything else is done. */
const LOG_DRAIN_MS = 1_000;
/** Exit codes of a process ended by these signals, by the shell's convention (128 + the signal's number). */
const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export interface ShutdownParts {
  ctx: AppContext;
  closeDatabase: () => Promise<void>;
  logOutput: LogOutput;
  /** Stops timers that would start new work (the hourly LATE-001 run). */
  stopTimers: () => void;
}

export class Shutdown {
  private server: Server | null = null;
  private signal: string | null = null;

  constructor(private readonly parts: ShutdownParts) {}

  /** True once a signal has arrived: start-up must not begin listening. */
  get requested(): boolean {
    return this.signal !== null;
  }

  /** Handles SIGTERM and SIGINT from now on, before the server listens too. */
  listenForSignals(): void {
    process.on('SIGTERM', () => this.onSignal('SIGTERM'));
    process.on('SIGINT', () => this.onSignal('SIGINT'));
  }

  /** The server to close on a signal. */
  serve(server: Server): void {
    this.server = server;
  }

  private onSignal(signal: string): void {
    const { logger } = this.parts.ctx;
    if (this.signal !== null) {
      logger.warn({ signal, pending: this.parts.ctx.pending.labels() }, 'second signal: exiting at once');
      process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
    }
    this.signal = signal;
    void this.stop();
  }

  private async stop(): Promise<void> {
    const { ctx, closeDatabase, logOutput, stopTimers } = this.parts;
    const graceMs = ctx.config.SHUTDOWN_GRACE_MS;
    const started = Date.now();
    ctx.logger.info(
      { signal: this.signal, graceMs, pending: ctx.pending.labels() },
      'shutting down: finishing requests and rules runs in flight',
    );
    // Not unref'd: the process ends here or earlier, never by an event loop that merely ran dry.
    const deadline = setTimeout(() => void this.giveUp(started), graceMs);
    ctx.pending.closing = true;
    stopTimers();
    const server = this.server;
    let sweep: NodeJS.Timeout | undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    if (server) {
      // A keep-alive connection idles for seconds after its last answer: close each as soon as it falls idle.
      server.closeIdleConnections();
      sweep = setInterval(() => server.closeIdleConnections(), 100);
    }
    await Promise.all([closed, ctx.pending.idle()]);
    clearInterval(sweep);
    try {
      await closeDatabase();
    } catch (err) {
      ctx.logger.error({ err }, 'closing the database failed');
      clearTimeout(deadline);
      await logOutput.drain(LOG_DRAIN_MS);
      process.exit(1);
    }
    clearTimeout(deadline);
    ctx.logger.info({ ms: Date.now() - started }, 'stopped');
    await logOutput.drain(LOG_DRAIN_MS);
    process.exit(0);
  }

  private async giveUp(started: number): Promise<void> {
    const { ctx, closeDatabase, logOutput } = this.parts;
    ctx.logger.error(
      { ms: Date.now() - started, pending: ctx.pending.labels() },
      'shutdown grace period over: exiting with this work unfinished',
    );
    // Closing rolls back a transaction left open between two awaits; what was committed stays.
    await closeDatabase().catch((err: unknown) => ctx.logger.error({ err }, 'closing the database failed'));
    await logOutput.drain(LOG_DRAIN_MS);
    process.exit(1);
  }
}
