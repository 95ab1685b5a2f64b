import { describe, expect, it } from 'vitest';
import { ReadReports, type ReadReport } from './read-reports.js';

const read = (rows: number): ReadReport => ({ links: new Map(), agreements: [], rows });
const keptIds = (reports: ReadReports, ids: number[]) => ids.filter((id) => reports.get(id) !== undefined);

describe('reports kept as read', () => {
  it('drops the least recently used reports once their rows pass the bound', () => {
    const reports = new ReadReports(100);
    reports.set(1, read(40));
    reports.set(2, read(40));
    reports.get(1);
    reports.set(3, read(40));
    expect(keptIds(reports, [1, 2, 3])).toEqual([1, 3]);
  });

  it('keeps the report just read even when it alone passes the bound', () => {
    const reports = new ReadReports(100);
    reports.set(1, read(10));
    reports.set(2, read(150));
    expect(keptIds(reports, [1, 2])).toEqual([2]);
  });

  it('counts a report read again once', () => {
    const reports = new ReadReports(100);
    reports.set(1, read(60));
    reports.set(1, read(60));
    reports.set(2, read(40));
    expect(keptIds(reports, [1, 2])).toEqual([1, 2]);
  });
});
