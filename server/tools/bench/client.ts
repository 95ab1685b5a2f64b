// Item 7: the production client's initial JavaScript (gzip) on the login page and the analyst
// overview, as headless Chromium loads it, and the time until the overview's charts are drawn.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { projectRoot } from '../../src/config.js';
import { percentile, round } from './sampling.js';

const run = promisify(execFile);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Builds the production client into its own folder (dist/ belongs to whoever runs `npm start`); returns the browser folder. */
export async function buildClient(outDir: string): Promise<string> {
  await run('npx', ['ng', 'build', '--configuration', 'production', '--output-path', outDir], {
    cwd: projectRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  return path.join(outDir, 'browser');
}

/** The overview's two charts hold drawn SVG (or say they are empty). */
function chartsDrawn(): number | false {
  const panels = [...document.querySelectorAll('.charts .panel')];
  const drawn = panels.length >= 2 && panels.every((p) => p.querySelector('svg.ngx-charts path, svg.ngx-charts rect, .empty'));
  return drawn ? performance.now() : false;
}

/** Loads a page in a fresh context and returns the JS files it fetched and, for the overview, when its charts were drawn. */
async function load(
  browser: Browser,
  baseUrl: string,
  route: string,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
  ready: 'login' | 'charts',
) {
  const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.origin === baseUrl && url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await page.goto(baseUrl + route);
  let drawnMs = Number.NaN;
  if (ready === 'login') await page.locator('input[type=password]').waitFor();
  else drawnMs = (await (await page.waitForFunction(chartsDrawn, undefined, { polling: 'raf', timeout: 120_000 })).jsonValue()) as number;
  await page.waitForLoadState('networkidle');
  await context.close();
  return { scripts: [...scripts], drawnMs };
}

function gzipKb(browserDir: string, scripts: readonly string[]): number {
  const bytes = scripts.reduce((sum, p) => sum + zlib.gzipSync(fs.readFileSync(path.join(browserDir, p))).length, 0);
  return round(bytes / 1024, 1);
}

export async function measureClient(baseUrl: string, browserDir: string, login: { username: string; password: string }, loads: number) {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const loginPage = await load(browser, baseUrl, '/login', undefined, 'login');
    const session = await browser.newContext();
    const res = await session.request.post(`${baseUrl}/api/v1/auth/login`, { data: login });
    if (res.status() !== 200) throw new Error(`login answered ${res.status()}`);
    const state = await session.storageState();
    await session.close();
    const overviews = [];
    for (let i = 0; i < loads; i++) overviews.push(await load(browser, baseUrl, '/overview', state, 'charts'));
    const drawn = overviews.map((o) => o.drawnMs).sort((a, b) => a - b);
    return {
      'client.loginInitialJsKbGzip': gzipKb(browserDir, loginPage.scripts),
      'client.overviewInitialJsKbGzip': gzipKb(browserDir, overviews[0].scripts),
      'client.overviewDrawnMs': Math.round(percentile(drawn, 50)),
    };
  } finally {
    await browser.close();
  }
}
