import { httpResource, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Me } from '../api/api-types';
import { Session } from '../auth/session';
import { prefetchOnArrival } from './prefetch-on-arrival';
import { servePrefetched } from './prefetch';

/** A page that asks for its figures as the overview does, for the period in its URL. */
@Component({ template: `{{ figures.hasValue() ? figures.value().total : 'loading' }}` })
class FiguresPage {
  protected readonly figures = httpResource<{ total: number }>(() => ({ url: '/api/v1/figures', params: { period: '2021-06' } }));
}

const figuresRequest = () => [{ url: '/api/v1/figures', params: { period: '2021-06' } }];

describe('prefetchOnArrival', () => {
  let http: HttpTestingController;
  let releaseCode: () => void;

  function setUp(me: Me | null) {
    const code = new Promise<void>((resolve) => (releaseCode = resolve));
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(withInterceptors([servePrefetched])),
        provideHttpClientTesting(),
        provideRouter([
          {
            path: 'figures',
            canMatch: [prefetchOnArrival(['analyst'], figuresRequest)],
            // The page's code arrives only when the test lets it.
            loadChildren: () => code.then(() => [{ path: '', component: FiguresPage }]),
          },
          { path: 'elsewhere', children: [] },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    // The session is known before the navigation, as the app asks for it at start-up.
    const known = TestBed.inject(Session).ensureLoaded();
    http.expectOne('/api/v1/auth/session').flush({ user: me });
    return known;
  }

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 100 && !condition(); i++) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  // match() takes the requests it finds off the list: each is answered by whoever finds it.
  const figureRequests = () => http.match((r) => r.url === '/api/v1/figures');
  async function awaitFigureRequest() {
    let found: ReturnType<typeof figureRequests> = [];
    await until(() => (found = figureRequests()).length > 0);
    expect(found.length).toBe(1);
    return found[0];
  }

  it('asks for the page’s figures before its code has loaded, and the page gets that answer without asking again', async () => {
    await setUp({ username: 'ana', role: 'analyst' });
    const router = TestBed.inject(Router);
    const navigation = router.navigateByUrl('/figures');
    const early = await awaitFigureRequest();
    expect(early.request.urlWithParams).toBe('/api/v1/figures?period=2021-06');

    releaseCode();
    await navigation;
    const fixture = TestBed.createComponent(FiguresPage); // what the router outlet would render
    fixture.detectChanges();
    early.flush({ total: 42 });
    await until(() => fixture.nativeElement.textContent.includes('42'));
    expect(fixture.nativeElement.textContent).toContain('42');
    http.verify(); // no second request went out
  });

  it.each([
    ['a role that may not see the page', { username: 'inst', role: 'institution' } satisfies Me],
    ['nobody logged in', null],
  ])('asks for nothing for %s', async (_case, me) => {
    await setUp(me);
    const navigation = TestBed.inject(Router).navigateByUrl('/figures');
    releaseCode();
    await navigation;
    expect(figureRequests()).toEqual([]);
  });

  /** An analyst opens the page, whose code is at hand, and the prefetched figures arrive. */
  async function arriveAsAnalyst(): Promise<Router> {
    await setUp({ username: 'ana', role: 'analyst' });
    const router = TestBed.inject(Router);
    releaseCode();
    await router.navigateByUrl('/figures');
    (await awaitFigureRequest()).flush({ total: 1 });
    return router;
  }

  it('asks for nothing when only the query parameters of the page change', async () => {
    const router = await arriveAsAnalyst();
    await router.navigateByUrl('/figures?period=2021-05');
    expect(figureRequests()).toEqual([]);
  });

  it('drops an answer its navigation did not use when the next navigation starts', async () => {
    const router = await arriveAsAnalyst();
    await router.navigateByUrl('/elsewhere');

    // The same request later goes to the server again instead of getting the old answer.
    const fixture = TestBed.createComponent(FiguresPage);
    fixture.detectChanges();
    (await awaitFigureRequest()).flush({ total: 7 });
    await until(() => fixture.nativeElement.textContent.includes('7'));
    expect(fixture.nativeElement.textContent).toContain('7');
  });
});

describe('Session', () => {
  it('keeps a login made while the start-up question about the session was still unanswered', async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(Session);
    const asked = session.ensureLoaded();
    const loggingIn = session.logIn('ana', 'secret');
    http.expectOne('/api/v1/auth/login').flush({ user: { username: 'ana', role: 'analyst' } });
    await loggingIn;
    http.expectOne('/api/v1/auth/session').flush({ user: null });
    expect(await asked).toEqual({ username: 'ana', role: 'analyst' });
    expect(session.user()).toEqual({ username: 'ana', role: 'analyst' });
  });
});
