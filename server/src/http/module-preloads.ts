// Angular's builder hints at most ten of the entry script's imports in index.html (its
// MODULE_PRELOAD_MAX); the browser finds the others only once the entry script has arrived and
// been parsed, one round trip later. At national size those were the three largest initial files
// (Angular itself among them). The index is served with a hint for every file the entry imports.
import fs from 'node:fs';
import path from 'node:path';

/** index.html with a modulepreload link for each file the entry script imports that has none yet. */
export function withModulePreloads(html: string, clientDir: string): string {
  const entry = /<script src="([\w.-]+\.js)" type="module">/.exec(html)?.[1];
  const entryFile = entry && path.join(clientDir, entry);
  if (!entryFile || !fs.existsSync(entryFile)) return html;
  const code = fs.readFileSync(entryFile, 'utf8');
  const imported = new Set([...code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]));
  const links = [...imported]
    .filter((file) => !html.includes(`href="${file}"`))
    .map((file) => `<link rel="modulepreload" href="${file}">`)
    .join('');
  return html.replace(`<script src="${entry}"`, `${links}<script src="${entry}"`);
}
