// Item 5b: exports of every finding as CSV and XLSX, each in a process of its own for its peak memory.
import { runChildTask } from './run-child.js';

export async function measureExports(db: string, now: Date) {
  const csv = await runChildTask({ task: 'export', db, now: now.toISOString(), format: 'csv' });
  const xlsx = await runChildTask({ task: 'export', db, now: now.toISOString(), format: 'xlsx' });
  return {
    'export.rows': csv.count,
    'export.csv.seconds': csv.seconds,
    'export.csv.peakRssMb': csv.peakRssMb,
    'export.xlsx.seconds': xlsx.seconds,
    'export.xlsx.peakRssMb': xlsx.peakRssMb,
  };
}
