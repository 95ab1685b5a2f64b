import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH, type HashedEntry } from './audit-hash.js';

function anEntry(overrides: Partial<HashedEntry> = {}): HashedEntry {
  return {
    seq: 1,
    at: '2021-12-20T08:00:00.000Z',
    actor: 'admin',
    action: 'user.create',
    target: 'user:bob',
    details: { role: 'analyst', institution: null, note: '复核 "ok"' },
    prevHash: GENESIS_HASH,
    ...overrides,
  };
}

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,1,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('writes the same text for the same content built in any key order', () => {
    expect(canonicalJson({ to: 'open', from: 'dismissed', note: 'back' })).toBe(
      canonicalJson({ note: 'back', from: 'dismissed', to: 'open' }),
    );
  });

  it('leaves out keys whose value is undefined, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('reads back to the same text from what it wrote', () => {
    const text = canonicalJson({ 名称: '支付宝', n: -0.5, big: 1e21, list: ['a', null, false], nested: { k: 'line\nbreak' } });
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['undefined in an array', { list: [1, undefined] }],
    ['a Date', { at: new Date(0) }],
    ['a bigint', { n: 1n }],
    ['a function', { f: () => 1 }],
  ])('refuses %s, which would not read back the same', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

describe('the audit hash', () => {
  it('is SHA-256 of the canonical entry with the previous hash, fixed for ever', () => {
    // Computed once by hand (sha256sum of the canonical text): trails already written depend on it.
    expect(canonicalJson(anEntry())).toBe(
      '{"action":"user.create","actor":"admin","at":"2021-12-20T08:00:00.000Z","details":{"institution":null,"note":"复核 \\"ok\\"","role":"analyst"},' +
        '"prevHash":"0000000000000000000000000000000000000000000000000000000000000000","seq":1,"target":"user:bob"}',
    );
    expect(auditHash(anEntry())).toBe('d2dc3cf8200dbdcd16aaf843d6581651f94b500e87f686ba13a1b371def1239c');
  });

  it('does not depend on the order of the details’ keys', () => {
    expect(auditHash(anEntry({ details: { note: '复核 "ok"', institution: null, role: 'analyst' } }))).toBe(auditHash(anEntry()));
  });

  it.each<[string, Partial<HashedEntry>]>([
    ['seq', { seq: 2 }],
    ['at', { at: '2021-12-20T08:00:00.001Z' }],
    ['actor', { actor: 'admin2' }],
    ['action', { action: 'user.update' }],
    ['target', { target: 'user:bobby' }],
    ['details', { details: { role: 'admin', institution: null, note: '复核 "ok"' } }],
    ['prevHash', { prevHash: 'f'.repeat(64) }],
  ])('changes when %s changes', (_field, change) => {
    expect(auditHash(anEntry(change))).not.toBe(auditHash(anEntry()));
  });
});
