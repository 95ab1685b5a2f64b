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
  fs.writeFileSync(path.join(clientDir, 'index.html'), `<!doctype html><html><head></head><body><im-root></im-root>${links}<script src="${entry}" type="module"></script></body></html>`);
  const code = imports.map((f, i) => `import{a as x${i}}from"./${f}";`).join('') + 'import"./side-effect.js";const r=()=>import("./chunk-LAZY.js");';
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
