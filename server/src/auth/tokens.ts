import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies and API keys (256 bits, URL-safe). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256: a copy of the database opens no session or key. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
