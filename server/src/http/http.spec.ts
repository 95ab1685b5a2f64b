import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('problem details everywhere', () => {
  it('answers an unknown API route with a 404 problem, not the client page', async () => {
    const res = await (await app.as('analyst')).get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', title: 'Not found' });
    expect(res.body.type).toMatch(/^https:\/\//);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON and no stack', async () => {
    const admin = await app.as('admin');
    const res = await admin.postRaw('/api/v1/users', '{"username": ', 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('answers a body over the 1 MB limit of routes other than POST /reports with 413 PAYLOAD_TOO_LARGE', async () => {
    const admin = await app.as('admin');
    const huge = `{"username":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    const res = await admin.postRaw('/api/v1/users', huge, 'application/json');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('echoes a request id in the header and in problems', async () => {
    const res = await (await app.as()).get('/api/v1/auth/me', { 'x-request-id': 'trace-123' });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    expect(res.body.requestId).toBe('trace-123');
  });
});

describe('operations', () => {
  it('reports health without a login', async () => {
    const res = await (await app.as()).get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', db: 'ok' });
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('publishes an OpenAPI document naming every route, and the interactive reference', async () => {
    const client = await app.as();
    const doc = await client.get('/api/v1/openapi.json');
    expect(doc.body.openapi).toBe('3.0.3');
    for (const path of ['/api/v1/reports', '/api/v1/matrix', '/api/v1/auth/login', '/api/v1/institutions/{id}/api-keys/{keyId}']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    const docs = await client.get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui');
  });

  it('sends a Content-Security-Policy without inline scripts', async () => {
    const res = await (await app.as()).get('/api/v1/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
