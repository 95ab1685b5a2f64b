import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cutText, decodeWithLoneSurrogates, illFormedTextPaths, wellFormed, wellFormedJson } from './well-formed-text.js';

describe('well-formed text', () => {
  it('cuts by characters, never through a surrogate pair', () => {
    expect(cutText(`${'a'.repeat(39)}😀😀`, 40)).toBe(`${'a'.repeat(39)}😀`);
    expect(cutText('😀😀😀', 2)).toBe('😀😀');
    expect(cutText('abc', 5)).toBe('abc');
    expect(cutText(`ab${'\ud800'}cd`, 3)).toBe(`ab${'\ud800'}`);
  });

  it('replaces lone surrogates as storage would, and leaves pairs and well-formed values alone', () => {
    expect(wellFormed('a\ud800b\udc00😀')).toBe('a\ufffdb\ufffd😀');
    const clean = { a: ['x', { b: '😀' }] };
    expect(wellFormedJson(clean)).toBe(clean);
    expect(wellFormedJson({ [`k\ud800`]: ['x', { b: '\udfff' }], n: 1 })).toEqual({ 'k\ufffd': ['x', { b: '\ufffd' }], n: 1 });
  });

  it('names the path of every ill-formed string and key', () => {
    expect(illFormedTextPaths({ a: [{ b: 'ok' }, { c: 'x\ud800' }], [`d\udc00`]: 1, e: ['\ud83d'] })).toEqual(
      expect.arrayContaining([['a', 1, 'c'], ['d\udc00'], ['e', 0]]),
    );
    expect(illFormedTextPaths({ a: '😀', b: ['𠀀'] })).toEqual([]);
  });

  it('reads the bytes SQLite holds for a string with lone surrogates back as that very string', () => {
    const db = new Database(':memory:');
    try {
      db.exec('create table t (text text)');
      const insert = db.prepare('insert into t values (?)');
      const samples = ['user:\ud800x', 'a\udc01\ud800b😀\ud83d', '\udbff', 'plain 中文 😀', `${'\udfff'.repeat(64)}`];
      for (const s of samples) insert.run(s);
      const rows = db.prepare('select text, cast(text as blob) as bytes from t').all() as { text: string; bytes: Buffer }[];
      // Read as text they are U+FFFD; read from their bytes they are what was written.
      expect(rows[0].text).toBe('user:\ufffd\ufffd\ufffdx');
      expect(rows.map((r) => decodeWithLoneSurrogates(r.bytes))).toEqual(samples);
    } finally {
      db.close();
    }
  });
});
