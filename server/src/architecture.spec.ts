// The server's layers, checked on its source: the domain knows nothing of HTTP, and folders do not
// import each other in a circle. Reads the files only; nothing is started.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = dirname(new URL(import.meta.url).pathname);
const HTTP = join(SRC, 'http');

/**
 * Files outside http/ that may import it: what reads requests or builds the server, and nothing
 * else. Route files (any `routes.ts`) may as well: routes parse and authorize, then call a service.
 */
const MAY_IMPORT_HTTP: Record<string, string> = {
  'app.ts': 'builds the Express app from its middleware and routes',
  'main.ts': 'starts the HTTP server',
  'test/test-app.ts': 'starts the app over HTTP for the specs, as clients call it',
  'reports/admit-submission.ts': "wraps POST /reports' handler: who may submit, admitted before the body is read",
  'reports/report-body.ts': "reads POST /reports' body (JSON, compressed or multipart) off the request",
};

/**
 * Import cycles between folders found when this check was written, each as its sorted folders.
 * A new cycle fails; one of these shrinking or gone passes (shrink it here then). The one below is
 * the derived data that the evaluation module is to own, held together by: reports ↔ state
 * (packed-links → period-state and reconcile, service and validate-report → accepted-periods;
 * state's repository and state-loader → packed-links, read-reports and as-of-report →
 * reports/repository); rules ↔ reports (correction → packed-links, reports/service → run-rules);
 * rules ↔ findings (merge → engine, repository and subject-view → rule; run-rules, correction and
 * rules/service → findings/repository); rules → analytics (correction and run-rules →
 * coverage-store) → state and reports/repository; findings → state (repository → period-state).
 */
const KNOWN_FOLDER_CYCLES: string[][] = [['analytics', 'findings', 'reports', 'rules', 'state']];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The files a source file imports by relative path (types too: a layer is about what code knows). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => resolve(dirname(file), match[1]).replace(/\.js$/, '.ts'));
}

const inside = (file: string, dir: string) => file.startsWith(dir + sep);
const name = (file: string) => relative(SRC, file).split(sep).join('/');
const files = sourceFiles(SRC).filter((file) => !file.endsWith('.spec.ts'));

/** The top-level folder of a file under src/, or undefined for the files at src/'s root (app.ts, config.ts, …). */
function folderOf(file: string): string | undefined {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Strongly connected folders (Tarjan): each group of two or more imports itself round a circle. */
function folderCycles(): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    const from = folderOf(file);
    // A feature's routes.ts is the HTTP layer's entry into it: http/ and routes know each other by design.
    if (!from || file.endsWith(`${sep}routes.ts`)) continue;
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to && to !== from && inside(target, SRC)) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('the server’s layers', () => {
  it('keeps http/ to routes and the files that read requests or build the server: the domain knows nothing of HTTP', () => {
    const offenders = files
      .filter((file) => !inside(file, HTTP) && !file.endsWith(`${sep}routes.ts`) && !(name(file) in MAY_IMPORT_HTTP))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => inside(target, HTTP))
          .map((target) => `${name(file)} imports ${name(target)}`),
      );
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between folders beyond those known when this check was written', () => {
    const known = KNOWN_FOLDER_CYCLES.map((cycle) => new Set(cycle));
    const fresh = folderCycles().filter((cycle) => !known.some((old) => cycle.every((folder) => old.has(folder))));
    expect(fresh).toEqual([]);
  });
});
