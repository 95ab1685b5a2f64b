import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Me, Role, SessionAnswer } from '../api/api-types';

/**
 * Who is logged in: loaded once from /auth/session (which answers an anonymous visitor 200 with
 * no user, where /auth/me's 401 was logged as an error in the console), changed by logging in and out.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private loading?: Promise<Me | null>;

  /** undefined until the first check, null when nobody is logged in. */
  readonly user = signal<Me | null | undefined>(undefined);
  readonly role = computed(() => this.user()?.role);

  /** The user, asking the server once if not known yet. */
  ensureLoaded(): Promise<Me | null> {
    const known = this.user();
    if (known !== undefined) return Promise.resolve(known);
    // A login or logout while /auth/session is on its way (it is asked at start-up) outranks its answer.
    const answer = (me: Me | null) => (this.user() === undefined ? this.remember(me) : (this.user() ?? null));
    this.loading ??= firstValueFrom(this.http.get<SessionAnswer>('/api/v1/auth/session')).then(
      ({ user }) => answer(user),
      (err: unknown) => {
        this.loading = undefined;
        throw err;
      },
    );
    return this.loading;
  }

  async logIn(username: string, password: string): Promise<Me> {
    const { user } = await firstValueFrom(this.http.post<{ user: Me }>('/api/v1/auth/login', { username, password }));
    return this.remember(user) as Me;
  }

  async logOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post('/api/v1/auth/logout', {}));
    } finally {
      this.remember(null);
    }
  }

  /** Where a role starts: institutions at their reports, the central bank at the overview. */
  homePath(role: Role): string {
    return role === 'institution' ? '/reports' : '/overview';
  }

  private remember(me: Me | null): Me | null {
    this.user.set(me);
    this.loading = Promise.resolve(me);
    return me;
  }
}
