import type { HttpResourceRequest } from '@angular/common/http';
import type { Params } from '@angular/router';
import type { Channel, Mode } from '../core/api/api-types';

// What the overview asks the API for, from its query parameters: the page sends these requests and
// the route starts them ahead of the page (app.routes.ts), so both must build them alike.

export const PERIODS_REQUEST: HttpResourceRequest = { url: '/api/v1/periods' };

/** The mode shown: the URL's when it names one, else mobile payment. */
export const modeOf = (value: unknown): Mode => (value === 'cpm' ? 'cpm' : 'mpm');
/** The channel shown: the URL's when it names one, else offline. */
export const channelOf = (value: unknown): Channel => (value === 'online' ? 'online' : 'offline');

/** The headline figures; without a period the server answers for the latest reported one. */
export function overviewRequest(period: string | undefined, mode: Mode, channel: Channel): HttpResourceRequest {
  const params: Record<string, string> = { mode, channel };
  return { url: '/api/v1/overview', params: period ? { period, ...params } : params };
}

/** National coverage of every mode and channel, period by period, up to the period shown. */
export function coverageLinesRequest(period: string | undefined): HttpResourceRequest {
  return { url: '/api/v1/coverage/lines', params: period ? { to: period } : {} };
}

/** The page's first requests for the query parameters it is opened with. */
export function overviewRequests(query: Params): HttpResourceRequest[] {
  const period = typeof query['period'] === 'string' ? query['period'] : undefined;
  return [PERIODS_REQUEST, overviewRequest(period, modeOf(query['mode']), channelOf(query['channel'])), coverageLinesRequest(period)];
}
