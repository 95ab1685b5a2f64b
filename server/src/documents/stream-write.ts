// Writing to a stream without letting its buffer grow: what every file writer (findings exports,
// the audit trail's export) does chunk by chunk.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes with backpressure: waits for the stream to drain when its buffer is full. */
export async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
