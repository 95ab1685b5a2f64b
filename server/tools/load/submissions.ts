// The deadline's submissions: one large report per institution, all sent at once, each timed.
import { ApiClient } from '../../src/test/api-client.js';

export interface SubmissionResult {
  institution: string;
  status: number;
  text: string;
  receipt?: { id: number };
  ms: number;
  startedAt: number;
  endedAt: number;
}

/** `rows` links the institution scans, each issuer's codes in one city after another (all distinct). */
export function deadlineReport(institution: string, institutions: string[], cities: string[], period: string, rows: number) {
  const issuers = institutions.filter((i) => i !== institution);
  const links = Array.from({ length: rows }, (_, n) => ({
    scanner: institution,
    issuer: issuers[n % issuers.length],
    mode: 'mpm',
    channel: 'offline',
    city: cities[Math.floor(n / issuers.length) % cities.length],
    status: 'live',
    since: `${period}-01`,
  }));
  return { institution, period, links, agreements: [] };
}

/** Logs each institution in, then sends every report at the same moment. */
export async function submitAll(baseUrl: string, reports: ReturnType<typeof deadlineReport>[]): Promise<SubmissionResult[]> {
  const clients = await Promise.all(
    reports.map(async (r) => {
      const client = new ApiClient(baseUrl);
      await client.logIn(r.institution, 'demo');
      return client;
    }),
  );
  return Promise.all(
    reports.map(async (report, i) => {
      const startedAt = performance.now();
      const res = await clients[i].post<{ id: number }>('/api/v1/reports', report);
      const endedAt = performance.now();
      return {
        institution: report.institution,
        status: res.status,
        text: res.text,
        receipt: res.status === 201 ? res.body : undefined,
        ms: endedAt - startedAt,
        startedAt,
        endedAt,
      };
    }),
  );
}
