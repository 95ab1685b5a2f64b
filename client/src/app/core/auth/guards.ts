import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Role } from '../api/api-types';
import { Session } from './session';

// inject() only works before the first await, so each guard takes what it needs up front.

/** Sends anyone not logged in to the login page, remembering where they were going. */
export const requireLogin: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const user = await inject(Session).ensureLoaded();
  return user ? true : router.createUrlTree(['/login'], { queryParams: { next: state.url } });
};

/** Lets only the given roles in; others go to their own home page. */
export function requireRoles(...roles: Role[]): CanActivateFn {
  return async () => {
    const session = inject(Session);
    const router = inject(Router);
    const user = await session.ensureLoaded();
    if (!user) return router.parseUrl('/login');
    return roles.includes(user.role) ? true : router.parseUrl(session.homePath(user.role));
  };
}

/**
 * The site's own address sends each role to its home page. A guard rather than a redirect:
 * redirects are worked out before any guard runs, so before the session is known, and the
 * home of nobody in particular was the institutions' reports page, where a visitor arriving at
 * `/` then landed after logging in whatever their role.
 */
export const goHome: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  const user = await session.ensureLoaded();
  return router.parseUrl(user ? session.homePath(user.role) : '/login');
};
