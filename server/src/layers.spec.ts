// What each layer may import, read from the sources: the production build (server/tsconfig.build.json)
// compiles whatever the product imports, so a product file importing a tool or a test helper would
// quietly put it back into dist/server; and a migration importing feature code would write
// something else the day that code changes.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './project-root.js';

const SRC = path.join(projectRoot, 'server', 'src');
const TOOLS = path.join(projectRoot, 'server', 'tools');
const TEST_HELPERS = path.join(SRC, 'test');
const DB = path.join(SRC, 'db');

/** The .ts files under dir, specs left out. */
function sources(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => path.join(dir, f));
}

/** Every module a file imports or re-exports (types and dynamic imports too): relative ones as absolute paths, others as written. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => (fileName.startsWith('.') ? path.resolve(path.dirname(file), fileName) : fileName));
}

const isInside = (dir: string) => (target: string) => target === dir || target.startsWith(dir + path.sep);
const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('layers', () => {
  it('the product (server/src, but its specs and test helpers) imports no tool, no test helper and no package installed for development only', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const devOnly = new Set(Object.keys(manifest.devDependencies).filter((name) => !name.startsWith('@types/')));
    const product = sources(SRC).filter((f) => !isInside(TEST_HELPERS)(f));
    const wrong = product.flatMap((file) =>
      importsOf(file)
        .filter((target) => isInside(TOOLS)(target) || isInside(TEST_HELPERS)(target) || devOnly.has(packageName(target)))
        .map((target) => `${path.relative(SRC, file)} → ${path.isAbsolute(target) ? path.relative(projectRoot, target) : target}`),
    );
    expect(product.length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it('a migration imports only node builtins, kysely and server/src/db (the schema types): never feature code', () => {
    const builtins = new Set(builtinModules);
    const allowed = (target: string) => target.startsWith('node:') || builtins.has(target) || target === 'kysely' || isInside(DB)(target);
    const migrations = sources(path.join(DB, 'migrations'));
    const wrong = migrations.flatMap((file) =>
      importsOf(file)
        .filter((target) => !allowed(target))
        .map((target) => `${path.basename(file)} → ${path.isAbsolute(target) ? path.relative(projectRoot, target) : target}`),
    );
    expect(migrations.length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
});
