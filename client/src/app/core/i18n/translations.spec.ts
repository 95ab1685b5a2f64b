/// <reference types="vite/client" />
// Checks every translation file under client/public/i18n (found by Vite at build time, so a new
// scope folder is covered without touching this spec) and every key the client's code names.
import type { Translation } from '@jsverse/transloco';
import { TRANSLATION_FILES } from '../../../testing/i18n-testing';
import { FALLBACK_LANGUAGE, LANGUAGES } from './language';

/** The client's templates and code, as text; specs and test helpers excluded. */
const SOURCES = import.meta.glob<string>(['/client/src/app/**/*.ts', '/client/src/app/**/*.html', '!/client/src/app/**/*.spec.ts'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** "root" for the files at the top, else the scope's folder name. */
const groups = new Map<string, Map<string, Translation>>();
for (const [path, content] of Object.entries(TRANSLATION_FILES)) {
  const slash = path.lastIndexOf('/');
  const group = slash < 0 ? 'root' : path.slice(0, slash);
  const lang = path.slice(slash + 1);
  if (!groups.has(group)) groups.set(group, new Map());
  groups.get(group)!.set(lang, content);
}
const scopes = [...groups.keys()].filter((g) => g !== 'root');

/** Every leaf of a translation as "a.b.c" → value. */
function leaves(translation: Translation, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(translation)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of leaves(value as Translation, path)) found.set(k, v);
    } else {
      found.set(path, value);
    }
  }
  return found;
}

const placeholders = (value: unknown) => [...String(value).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

/** Where a key such as "reports.upload.title" or "nav.matrix" is defined in English, if anywhere. */
function englishValue(key: string): unknown {
  const [first, ...rest] = key.split('.');
  const [file, path] = scopes.includes(first) ? [groups.get(first), rest] : [groups.get('root'), [first, ...rest]];
  return path.reduce<unknown>(
    (node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined),
    file?.get(FALLBACK_LANGUAGE),
  );
}

describe('translation files', () => {
  it('are found: the root files and at least the reports and matrix scopes', () => {
    expect(groups.get('root')?.size).toBe(LANGUAGES.length);
    expect(scopes).toEqual(expect.arrayContaining(['reports', 'matrix']));
  });

  describe.each([...groups.keys()])('%s', (group) => {
    const files = groups.get(group)!;

    it.each([...LANGUAGES])('has its %s file', (lang) => {
      expect(files.has(lang), `client/public/i18n/${group === 'root' ? '' : group + '/'}${lang}.json is missing`).toBe(true);
    });

    it('holds no file for a language the client does not offer', () => {
      expect([...files.keys()].filter((lang) => !(LANGUAGES as readonly string[]).includes(lang))).toEqual([]);
    });

    it('has the same keys in every language', () => {
      const keysByLang = LANGUAGES.map((lang) => [lang, [...leaves(files.get(lang) ?? {}).keys()]] as const);
      const all = new Set(keysByLang.flatMap(([, keys]) => keys));
      const missing = keysByLang.flatMap(([lang, keys]) => [...all].filter((k) => !keys.includes(k)).map((k) => `${lang}: ${k}`));
      expect(missing, 'keys missing in a language').toEqual([]);
    });

    it('has no empty values, and only text as values', () => {
      const bad = LANGUAGES.flatMap((lang) =>
        [...leaves(files.get(lang) ?? {})]
          .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
          .map(([key]) => `${lang}: ${key}`),
      );
      expect(bad, 'empty or non-text values').toEqual([]);
    });

    it('uses the same {{placeholders}} in every language', () => {
      const english = leaves(files.get(FALLBACK_LANGUAGE) ?? {});
      const differing = LANGUAGES.flatMap((lang) =>
        [...leaves(files.get(lang) ?? {})]
          .filter(([key, value]) => english.has(key) && placeholders(value).join() !== placeholders(english.get(key)).join())
          .map(([key]) => `${lang}: ${key}`),
      );
      expect(differing).toEqual([]);
    });
  });

  it('gives no root key the name of a scope (the scope would hide it)', () => {
    const rootKeys = Object.keys(groups.get('root')?.get(FALLBACK_LANGUAGE) ?? {});
    expect(rootKeys.filter((k) => scopes.includes(k))).toEqual([]);
  });
});

describe('translation keys in the client code', () => {
  const rootTopLevel = Object.keys(groups.get('root')?.get(FALLBACK_LANGUAGE) ?? {});
  // A quoted literal whose first segment is a root section or a scope: 'reports.upload.title', "nav.matrix".
  const used = Object.entries(SOURCES).flatMap(([file, text]) =>
    [...text.matchAll(/(['"`])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)]
      .map((m) => m[2])
      .filter((key) => rootTopLevel.includes(key.split('.')[0]) || scopes.includes(key.split('.')[0]))
      .map((key) => ({ file: file.replace('/client/src/app/', ''), key })),
  );

  it('finds the keys (the check itself works)', () => {
    expect(used.some((u) => u.key === 'nav.matrix')).toBe(true);
    expect(used.some((u) => u.key.startsWith('reports.'))).toBe(true);
  });

  /** A key read through `format.plural` holds its wordings under `one` and `other`. */
  const isPlural = (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).sort().join() === 'one,other' &&
    Object.values(value).every((v) => typeof v === 'string');

  it('names only keys that exist in English (and so, by the checks above, in every language)', () => {
    const unknown = used
      .filter(({ key }) => typeof englishValue(key) !== 'string' && !isPlural(englishValue(key)))
      .map(({ file, key }) => `${file}: ${key}`);
    expect(unknown).toEqual([]);
  });

  it("reads a scope's keys only from that feature's folder (elsewhere the scope is not loaded)", () => {
    const misplaced = used
      // A camelCase scope lives in the kebab-case folder (apiKeys in api-keys/), as Transloco names a scope's alias.
      .filter(({ file, key }) => {
        const scope = key.split('.')[0];
        const folder = scope.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        return scopes.includes(scope) && !file.startsWith(`${scope}/`) && !file.startsWith(`${folder}/`);
      })
      .map(({ file, key }) => `${file}: ${key}`);
    expect(misplaced).toEqual([]);
  });
});
