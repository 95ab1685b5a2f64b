import { summariseDetails } from './audit-details';

describe('summariseDetails', () => {
  it('lists each field with readable values and shortens hashes', () => {
    const hash = 'a'.repeat(64);
    const s = summariseDetails({ format: 'csv', rows: 3, sha256: hash, filters: { rule: ['EXCL-001', 'DISC-001'] }, counts: { links: 3, agreements: 0 } });
    expect(s.fields).toEqual([
      { key: 'format', value: 'csv' },
      { key: 'rows', value: '3' },
      { key: 'sha256', value: `${'a'.repeat(12)}…` },
      { key: 'filters', value: 'rule EXCL-001, DISC-001' },
      { key: 'counts', value: 'links 3; agreements 0' },
    ]);
    expect(s.cut).toBe(false);
  });

  it('joins lists of values and marks long or many-field details as cut', () => {
    expect(summariseDetails({ rules: ['EXCL-001', 'LATE-001'] }).fields[0].value).toBe('EXCL-001, LATE-001');
    expect(summariseDetails({ note: 'x'.repeat(100) })).toEqual({ fields: [{ key: 'note', value: `${'x'.repeat(60)}…` }], cut: true });
    expect(summariseDetails({ filters: { deep: { er: 1 } } })).toEqual({ fields: [{ key: 'filters', value: 'deep …' }], cut: true });
    expect(summariseDetails({ changes: [{ id: 1 }, { id: 2 }] })).toEqual({ fields: [{ key: 'changes', value: '2 ×' }], cut: true });
    expect(summariseDetails({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 })).toMatchObject({ cut: true });
    expect(summariseDetails({}).fields).toEqual([]);
  });
});
