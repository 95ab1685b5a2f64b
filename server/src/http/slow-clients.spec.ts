// Slow-loris: an anonymous visitor holds connections open by sending a request's headers, or its
// body, a trickle at a time. Each such connection costs the server a socket (a file descriptor)
// for as long as it waits; the server closes them after HEADERS_TIMEOUT_MS and REQUEST_TIMEOUT_MS
// instead of Node's 60 s and 300 s (checked every 30 s), and keeps answering meanwhile.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000' } });
});
afterAll(() => app.close());

interface SlowClient {
  /** Resolves with what the server sent when it closed the connection. */
  closed: Promise<string>;
  socket: net.Socket;
}

/** A connection that sends `start` and then nothing more, as a slow-loris client does. */
function slowClient(start: string): Promise<SlowClient> {
  const port = Number(new URL(app.baseUrl).port);
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(start);
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      resolve({ socket, closed: new Promise((done) => socket.on('close', () => done(answer))) });
    });
    socket.once('error', reject);
  });
}

/** How long the server takes to answer /health, in ms. */
async function healthMs(): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${app.baseUrl}/api/v1/health`);
  expect(res.status).toBe(200);
  return performance.now() - started;
}

/** Whether `promise` settles within `ms`; the clients' sockets are destroyed either way by the caller. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still open'>((resolve) => (timer = setTimeout(() => resolve('still open'), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('clients that never finish their request', () => {
  it('closes connections whose headers never end after HEADERS_TIMEOUT_MS, answering /health meanwhile', async () => {
    const clients = await Promise.all(Array.from({ length: 200 }, () => slowClient('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ')));
    try {
      expect(await healthMs()).toBeLessThan(1000);
      const answers = await within(Promise.all(clients.map((c) => c.closed)), 4000);
      expect(answers).not.toBe('still open');
      expect((answers as string[]).every((a) => a === '' || a.startsWith('HTTP/1.1 408'))).toBe(true);
    } finally {
      for (const c of clients) c.socket.destroy();
    }
  });

  it('closes a request whose body trickles in after REQUEST_TIMEOUT_MS', async () => {
    const body = '{"username":"alipay",';
    const client = await slowClient(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n${body}`,
    );
    try {
      expect(await healthMs()).toBeLessThan(1000);
      const answer = await within(client.closed, 5000);
      expect(answer).not.toBe('still open');
    } finally {
      client.socket.destroy();
    }
  });

  it('by default gives headers 10 s and a whole request 2 minutes, not Node’s 60 s and 5 minutes', () => {
    const config = loadConfig({});
    expect(config.HEADERS_TIMEOUT_MS).toBe(10_000);
    expect(config.REQUEST_TIMEOUT_MS).toBe(120_000);
  });
});
