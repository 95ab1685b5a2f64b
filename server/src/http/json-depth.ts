// Refuses JSON bodies nested deeper than any request of this API needs (domain/json-depth.ts says
// why and how deep).
import type { RequestHandler } from 'express';
import { exceedsDepth, jsonTooDeep, MAX_JSON_DEPTH } from '../domain/json-depth.js';

/** Throws 400 JSON_TOO_DEEP for a parsed body nested deeper than MAX_JSON_DEPTH. */
export function assertJsonDepth(body: unknown): void {
  if (body !== undefined && exceedsDepth(body, MAX_JSON_DEPTH)) throw jsonTooDeep();
}

export const rejectDeepJson: RequestHandler = (req, _res, next) => {
  assertJsonDepth(req.body);
  next();
};
