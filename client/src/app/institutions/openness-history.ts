// Openness over time: which periods to ask for, fetching them in one request, and the chart's series.
import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, map, type Observable, of } from 'rxjs';
import type { Channel, Mode, OpennessHistory as OpennessHistoryAnswer, Problem } from '../core/api/api-types';
import { problemOf } from '../shared/problem';

/** How many periods the chart covers. */
export const HISTORY_LENGTH = 24;

/** The last `count` periods up to and including `until` (all of them ascending); all up to the latest when `until` is unknown. */
export function periodsEndingAt(all: string[], until: string | undefined, count = HISTORY_LENGTH): string[] {
  const sorted = [...all].sort();
  const end = until ? sorted.filter((p) => p <= until) : sorted;
  return end.slice(-count);
}

/** One point of the history: the period's overall shares, null where there was nothing to count or the request failed. */
export interface OpennessPoint {
  period: string;
  recognises: number | null;
  recognisedBy: number | null;
  cities: number;
  /** Why the period could not be read, if it could not. */
  problem: Problem | null;
}

/** The two lines of the chart, in the order of the legend. `label` turns a period into what the axis shows. */
export function opennessSeries(
  points: OpennessPoint[],
  names: { recognises: string; recognisedBy: string },
  label: (period: string) => string,
) {
  // ngx-charts draws a gap-free line through the points it gets: periods without a share are left out of that line.
  const line = (pick: (p: OpennessPoint) => number | null) =>
    points.filter((p) => pick(p) !== null).map((p) => ({ name: label(p.period), value: Math.round(pick(p)! * 1000) / 10 }));
  return [
    { name: names.recognises, series: line((p) => p.recognises) },
    { name: names.recognisedBy, series: line((p) => p.recognisedBy) },
  ];
}

/**
 * Asks /institutions/:id/openness/history once for the whole range; answers the periods asked for,
 * in period order. When the request fails, every point carries its problem: the chart shows it once.
 */
@Injectable({ providedIn: 'root' })
export class OpennessHistory {
  private readonly http = inject(HttpClient);

  load(institution: string, periods: string[], mode: Mode, channel: Channel): Observable<OpennessPoint[]> {
    const wanted = [...periods].sort();
    if (wanted.length === 0) return of([]);
    const url = `/api/v1/institutions/${encodeURIComponent(institution)}/openness/history`;
    return this.http.get<OpennessHistoryAnswer>(url, { params: { from: wanted[0], to: wanted.at(-1)!, mode, channel } }).pipe(
      map((answer) => {
        const byPeriod = new Map(answer.entries.map((e) => [e.period, e.overall]));
        return wanted.map((period): OpennessPoint => {
          const overall = byPeriod.get(period);
          return {
            period,
            recognises: overall?.recognises.share ?? null,
            recognisedBy: overall?.recognisedBy.share ?? null,
            cities: overall?.cities ?? 0,
            problem: null,
          };
        });
      }),
      catchError((err: unknown) => {
        const problem = problemOf(err);
        return of(wanted.map((period): OpennessPoint => ({ period, recognises: null, recognisedBy: null, cities: 0, problem })));
      }),
    );
  }
}
