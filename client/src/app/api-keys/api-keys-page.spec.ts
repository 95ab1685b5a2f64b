import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { Session } from '../core/auth/session';
import type { ApiKey } from './api-keys-api';
import { ApiKeysPage } from './api-keys-page';
import { awaitRequest } from '../../testing/http-requests';

const KEY: ApiKey = {
  id: 'k1',
  institution: 'alipay',
  name: 'nightly upload',
  createdBy: 'alipay',
  createdAt: '2026-11-01T08:00:00.000Z',
  revokedAt: null,
};
const OLD: ApiKey = { ...KEY, id: 'k0', name: 'old system', createdAt: '2026-01-01T08:00:00.000Z', revokedAt: '2026-02-01T08:00:00.000Z' };

describe('ApiKeysPage', () => {
  let fixture: ComponentFixture<ApiKeysPage>;
  let http: HttpTestingController;
  let element: HTMLElement;
  let loader: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ApiKeysPage],
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    TestBed.inject(Session).user.set({ username: 'alipay', role: 'institution', institution: 'alipay' });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApiKeysPage);
    element = fixture.nativeElement as HTMLElement;
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });

  afterEach(() => http.verify());

  /** The page stays unstable while its resources wait for answers, so tests poll for the requests instead. */
  const requestTo = (url: string) => awaitRequest(http, url, 'GET');

  async function list(items: ApiKey[]): Promise<void> {
    (await requestTo('/api/v1/institutions/alipay/api-keys')).flush({ items });
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: [] }));
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: [] }));
    await fixture.whenStable();
  }

  const rows = () => [...element.querySelectorAll('tr.mat-mdc-row')].map((r) => r.textContent?.replace(/\s+/g, ' ').trim());

  it('lists the institution’s own keys, active ones first, without any secret', async () => {
    await list([OLD, KEY]);
    const [first, second] = rows();
    expect(first).toContain('nightly upload');
    expect(first).toContain('active');
    expect(second).toContain('old system');
    expect(second).toContain('revoked');
    expect(element.querySelector('h2#list-title')!.textContent).toContain('1 active');
  });

  it('says what to do when there is no key yet', async () => {
    await list([]);
    expect(element.textContent).toContain('No API keys yet');
  });

  it("names a key left unnamed in the user's language, with the day it was made", async () => {
    await list([]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create key' }))).click();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/institutions/alipay/api-keys');
    expect(req.request.body.name).toMatch(/^API key of \d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    req.flush({ ...KEY, key: 'imk_secret123' }, { status: 201, statusText: 'Created' });
  });

  it('creates a key and shows its secret once, in a dialog that warns it will not be shown again', async () => {
    await list([]);
    const input = element.querySelector<HTMLInputElement>('input[name=name]')!;
    input.value = 'nightly upload';
    input.dispatchEvent(new Event('input'));
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create key' }))).click();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/institutions/alipay/api-keys');
    expect(req.request.body).toEqual({ name: 'nightly upload' });
    req.flush({ ...KEY, key: 'imk_secret123' }, { status: 201, statusText: 'Created' });
    (await requestTo('/api/v1/institutions/alipay/api-keys')).flush({ items: [KEY] });

    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('this is the only time it is shown');
    expect(document.querySelector<HTMLInputElement>('[data-testid=new-api-key]')!.value).toBe('imk_secret123');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'I have copied it' }))).click();
    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(element.textContent).not.toContain('imk_secret123');
  });

  it('revokes a key only after the user confirms', async () => {
    await list([KEY]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Revoke' }))).click();
    let dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('cannot be undone');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    http.expectNone((r) => r.method === 'DELETE');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Revoke' }))).click();
    dialog = await loader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Revoke key' }))).click();
    await new Promise((r) => setTimeout(r, 5));
    const req = http.expectOne((r) => r.method === 'DELETE');
    expect(req.request.url).toBe('/api/v1/institutions/alipay/api-keys/k1');
    req.flush(null, { status: 204, statusText: 'No Content' });
    (await requestTo('/api/v1/institutions/alipay/api-keys')).flush({ items: [{ ...KEY, revokedAt: '2026-11-25T09:00:00.000Z' }] });
    await fixture.whenStable();
    expect(rows()[0]).toContain('revoked');
  });
});
