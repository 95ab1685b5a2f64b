// Openness over time: which periods to ask for, fetching them a few at a time, and the chart's series.
import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, from, map, mergeMap, type Observable, of, toArray } from 'rxjs';
import type { Channel, Mode, Openness, Problem } from '../core/api/api-types';
import { problemOf } from '../shared/problem';

/** How many periods the chart covers, and how many requests run at once. */
export const HISTORY_LENGTH = 24;
export const PARALLEL_REQUESTS = 4;

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
export function opennessSeries(points: OpennessPoint[], names: { recognises: string; recognisedBy: string }, label: (period: string) => string) {
  // ngx-charts draws a gap-free line through the points it gets: periods without a share are left out of that line.
  const line = (pick: (p: OpennessPoint) => number | null) =>
    points.filter((p) => pick(p) !== null).map((p) => ({ name: label(p.period), value: Math.round(pick(p)! * 1000) / 10 }));
  return [
    { name: names.recognises, series: line((p) => p.recognises) },
    { name: names.recognisedBy, series: line((p) => p.recognisedBy) },
  ];
}

/** Asks /institutions/:id/openness for each period, at most PARALLEL_REQUESTS at once; answers in period order. */
@Injectable({ providedIn: 'root' })
export class OpennessHistory {
  private readonly http = inject(HttpClient);

  load(institution: string, periods: string[], mode: Mode, channel: Channel): Observable<OpennessPoint[]> {
    const url = `/api/v1/institutions/${encodeURIComponent(institution)}/openness`;
    return from(periods).pipe(
      mergeMap(
        (period) =>
          this.http.get<Openness>(url, { params: { period, mode, channel } }).pipe(
            map((o): OpennessPoint => ({ period, recognises: o.overall.recognises.share, recognisedBy: o.overall.recognisedBy.share, cities: o.overall.cities, problem: null })),
            catchError((err: unknown) => of<OpennessPoint>({ period, recognises: null, recognisedBy: null, cities: 0, problem: problemOf(err) })),
          ),
        PARALLEL_REQUESTS,
      ),
      toArray(),
      map((points) => points.sort((a, b) => a.period.localeCompare(b.period))),
    );
  }
}
