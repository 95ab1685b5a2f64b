// The HTTP server around the app, with the timeouts that bound what a slow client can hold.
import http from 'node:http';
import type { Express } from 'express';
import type { Config } from '../config.js';

/**
 * Node closes a request that is late with its headers or body only when it next checks its
 * connections (every 30 s by default): checking every second, or sooner for short timeouts, makes
 * the settings the real bound on how long a slow-loris client holds a socket.
 */
export function createHttpServer(app: Express, config: Pick<Config, 'HEADERS_TIMEOUT_MS' | 'REQUEST_TIMEOUT_MS'>): http.Server {
  return http.createServer(
    {
      headersTimeout: config.HEADERS_TIMEOUT_MS,
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(1000, Math.ceil(config.HEADERS_TIMEOUT_MS / 4)),
    },
    app,
  );
}
