// Where the server's log lines go: standard output, written without ever blocking the process.
//
// pino's own destination (sonic-boom) flushes synchronously when the process exits and, while the
// pipe it writes to is full (a parent that stopped reading), retries that write forever: a server
// told to stop then closed its listener and slept for good with the log lines still queued. This
// output writes asynchronously, keeps a bounded queue (lines past it are dropped and counted), gives
// up on a pipe whose reader has gone, and is drained at shutdown with a deadline.
import fs from 'node:fs';

/** Queued bytes past which new lines are dropped: a parent that never reads costs this, no more. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
/** How long to wait before writing again to a full, non-blocking pipe. */
const RETRY_FULL_MS = 50;

export class LogOutput {
  private readonly queue: string[] = [];
  private queuedBytes = 0;
  private writing = false;
  private broken = false;
  private readonly drainedWaiters = new Set<() => void>();
  /** Lines dropped because the queue was full or the reader had gone. */
  dropped = 0;

  constructor(private readonly fd = 1) {}

  /** pino's destination interface. */
  write(line: string): boolean {
    const bytes = Buffer.byteLength(line);
    if (this.broken || this.queuedBytes + bytes > MAX_QUEUED_BYTES) {
      this.dropped++;
      return false;
    }
    this.queue.push(line);
    this.queuedBytes += bytes;
    if (!this.writing) this.writeNext();
    return true;
  }

  /** Resolves true once every queued line is written, or false when `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean> {
    if (!this.writing) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (drained: boolean): void => {
        clearTimeout(timer);
        this.drainedWaiters.delete(onDrained);
        resolve(drained);
      };
      const onDrained = (): void => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.drainedWaiters.add(onDrained);
    });
  }

  private writeNext(): void {
    if (this.queue.length === 0 || this.broken) {
      this.writing = false;
      for (const resolve of this.drainedWaiters) resolve();
      return;
    }
    this.writing = true;
    const chunk = Buffer.from(this.queue.join(''));
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.writeChunk(chunk);
  }

  private writeChunk(chunk: Buffer): void {
    fs.write(this.fd, chunk, (err, written) => {
      if (err) {
        if (err.code === 'EAGAIN') {
          setTimeout(() => this.writeChunk(chunk), RETRY_FULL_MS).unref();
          return;
        }
        // EPIPE (the reader has gone) or worse: nobody will read these lines.
        this.broken = true;
        this.dropped += 1 + this.queue.length;
        this.queue.length = 0;
        this.queuedBytes = 0;
        this.writeNext();
        return;
      }
      if (written < chunk.length) this.writeChunk(chunk.subarray(written));
      else this.writeNext();
    });
  }
}
