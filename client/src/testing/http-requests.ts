// Pages built on httpResource stay unstable while their requests wait for answers, so a spec cannot
// wait for stability before flushing them: it polls for the request instead.
import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

/** The first pending request to the URL (and method, when given), after at most half a second. */
export async function awaitRequest(http: HttpTestingController, url: string, method?: string): Promise<TestRequest> {
  for (let i = 0; i < 100; i++) {
    TestBed.tick();
    const found = http.match((r) => r.url === url && (method === undefined || r.method === method));
    if (found.length > 0) return found[0];
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(method ? `no ${method} request to ${url}` : `no request to ${url}`);
}
