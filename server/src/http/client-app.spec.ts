import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/test-app.js';

// A built client as Angular's builder leaves it: index.html hints ten of the entry's imports at most.
let app: TestApp;
let clientDir: string;
const imports = Array.from({ length: 12 }, (_, i) => `chunk-${String.fromCharCode(65 + i)}.js`);

function writeBuild(entry: string, hinted: readonly string[]) {
  const links = hinted.map((f) => `<link rel="modulepreload" href="${f}">`).join('');
  fs.writeFileSync(
    path.join(clientDir, 'index.html'),
    `<!doctype html><html><head></head><body><im-root></im-root>${links}<script src="${entry}" type="module"></script></body></html>`,
  );
  const code =
    imports.map((f, i) => `import{a as x${i}}from"./${f}";`).join('') + 'import"./side-effect.js";const r=()=>import("./chunk-LAZY.js");';
  fs.writeFileSync(path.join(clientDir, entry), code);
}

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-app-'));
  writeBuild('main-1.js', imports.slice(0, 10));
  app = await startTestApp({ env: { CLIENT_DIR: clientDir } });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

const preloads = (html: string) => [...html.matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);

describe('the client page', () => {
  it('hints every file the entry script imports, each once, and none it loads only later', async () => {
    const res = await fetch(`${app.baseUrl}/overview?period=2021-06`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(preloads(await res.text()).sort()).toEqual([...imports, 'side-effect.js'].sort());
  });

  it('follows a new build that replaces index.html', async () => {
    writeBuild('main-2.js', imports.slice(0, 2));
    const future = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(clientDir, 'index.html'), future, future);
    const html = await (await fetch(`${app.baseUrl}/`)).text();
    expect(html).toContain('src="main-2.js"');
    expect(preloads(html).sort()).toEqual([...imports, 'side-effect.js'].sort());
  });
});

describe('the client files', () => {
  const get = (file: string, headers: Record<string, string> = {}) => fetch(`${app.baseUrl}/${file}`, { headers });
  const described = async (res: Response) => ({
    status: res.status,
    type: res.headers.get('content-type'),
    cache: res.headers.get('cache-control'),
    etag: res.headers.get('etag'),
    modified: res.headers.get('last-modified'),
    body: await res.text(),
  });

  it('are served alike from the disk and, once read, from memory, and follow a change of the file', async () => {
    fs.writeFileSync(path.join(clientDir, 'chunk-X.js'), 'export const a = 1;');
    const first = await described(await get('chunk-X.js'));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the first answer also keeps the file
    const again = await described(await get('chunk-X.js'));
    expect(first).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      cache: 'public, max-age=3600',
      body: 'export const a = 1;',
    });
    expect(again).toEqual(first);

    fs.writeFileSync(path.join(clientDir, 'chunk-X.js'), 'export const a = 22;');
    const future = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(clientDir, 'chunk-X.js'), future, future);
    expect((await described(await get('chunk-X.js'))).body).toBe('export const a = 22;');
  });

  it('answer a range with part of the file, once kept too', async () => {
    fs.writeFileSync(path.join(clientDir, 'chunk-Y.js'), 'export const b = 2;');
    await get('chunk-Y.js');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const part = await get('chunk-Y.js', { range: 'bytes=0-5' });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('export');
  });

  it('never leave the client folder nor show its dot files', async () => {
    fs.writeFileSync(path.join(clientDir, '.secret'), 'no');
    for (const file of ['.secret', '%2e%2e/%2e%2e/etc/passwd', '..%2f..%2fetc%2fpasswd']) {
      const res = await get(file);
      expect(await res.text()).not.toMatch(/^no$|root:/);
    }
  });
});
