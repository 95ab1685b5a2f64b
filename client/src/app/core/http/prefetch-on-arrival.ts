import type { HttpResourceRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { type ActivatedRouteSnapshot, type CanMatchFn, type Params, type Route, Router } from '@angular/router';
import type { Role } from '../api/api-types';
import { Session } from '../auth/session';
import { Prefetch } from './prefetch';

/**
 * A canMatch step that always lets the route match and, when a user whose role may see the page
 * arrives at it from elsewhere, starts the page's first GET requests (see Prefetch). canMatch runs
 * before the route's code is loaded, so the server works on the answers while the code, the guards
 * and the translations load. Moving between the page's own filters (query parameters) starts
 * nothing: the page asks for what it needs itself.
 */
export function prefetchOnArrival(roles: readonly Role[], requestsOf: (queryParams: Params) => HttpResourceRequest[]): CanMatchFn {
  return async (route, _segments, snapshot) => {
    const router = inject(Router);
    const session = inject(Session);
    const prefetch = inject(Prefetch);
    if (!snapshot || isActive(router.routerState.snapshot.root, route)) return true;
    const user = await session.ensureLoaded().catch(() => null);
    if (user && roles.includes(user.role)) for (const request of requestsOf(snapshot.queryParams)) prefetch.start(request);
    return true;
  };
}

function isActive(root: ActivatedRouteSnapshot, route: Route): boolean {
  for (let s: ActivatedRouteSnapshot | null = root; s; s = s.firstChild) if (s.routeConfig === route) return true;
  return false;
}
