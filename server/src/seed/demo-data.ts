// Submits the demo story through the same ingestion service the API uses, so the demo walks the real path.
import type { AppContext } from '../app-context.js';
import { listInstitutions } from '../reference/repository.js';
import { submitReport } from '../reports/service.js';
import { demoReports } from './demo-story.js';

export async function loadDemoData(ctx: AppContext): Promise<number> {
  const institutions = (await listInstitutions(ctx.db)).map((i) => i.id);
  const reports = demoReports(institutions);
  for (const report of reports) {
    // Submitted as the institution would, but recorded under the seed's name: nobody at the institution sent these.
    const principal = { username: 'demo-seed', role: 'institution' as const, institution: report.institution, via: 'session' as const };
    await submitReport(ctx, principal, report, { skipRules: true });
  }
  return reports.length;
}
