import {
  HttpClient,
  type HttpEvent,
  type HttpInterceptorFn,
  HttpParams,
  HttpRequest,
  type HttpResourceRequest,
} from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { NavigationStart, Router } from '@angular/router';
import { filter, type Observable, shareReplay } from 'rxjs';

/**
 * GET requests started ahead of the page that will send them, so that the server works while the
 * page's code and translations load. The page's own identical request (same URL, parameters and
 * response type) is then answered by the one already under way, once; whatever the navigation
 * that started them did not use is dropped when the next navigation starts, so an answer never
 * serves a later visit.
 */
@Injectable({ providedIn: 'root' })
export class Prefetch {
  private readonly http = inject(HttpClient);
  private readonly pending = new Map<string, Observable<HttpEvent<unknown>>>();

  constructor() {
    inject(Router)
      .events.pipe(filter((e) => e instanceof NavigationStart))
      .subscribe(() => this.pending.clear());
  }

  /** Starts the GET request an httpResource would send for `request` (JSON answers). */
  start(request: HttpResourceRequest): void {
    // Built as httpResource builds it, so that the page's request has the same key.
    const params = request.params instanceof HttpParams ? request.params : new HttpParams({ fromObject: request.params });
    const req = new HttpRequest('GET', request.url, null, { params, responseType: 'json' });
    const key = keyOf(req);
    if (this.pending.has(key)) return;
    const events = this.http.request(req).pipe(shareReplay());
    events.subscribe({ error: () => undefined }); // under way now, whether or not anyone asks; the page sees the error itself
    this.pending.set(key, events);
  }

  /** The prefetched answer to an identical request, handed out once. */
  take(req: HttpRequest<unknown>): Observable<HttpEvent<unknown>> | undefined {
    if (req.method !== 'GET' || this.pending.size === 0) return undefined;
    const key = keyOf(req);
    const events = this.pending.get(key);
    this.pending.delete(key);
    return events;
  }
}

function keyOf(req: HttpRequest<unknown>): string {
  return `${req.responseType} ${req.urlWithParams}`;
}

/** Answers a request from a prefetch of the same request when there is one. */
export const servePrefetched: HttpInterceptorFn = (req, next) => inject(Prefetch).take(req) ?? next(req);
