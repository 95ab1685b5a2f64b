import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Matrix } from '../core/api/api-types';
import { MatrixGrid } from './matrix-grid';

describe('MatrixGrid', () => {
  const MATRIX = {
    period: '2021-05',
    city: '110000',
    mode: 'mpm',
    channel: 'offline',
    institutions: ['alipay', 'tenpay'],
    cells: [],
  } as unknown as Matrix;

  async function drawn() {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(MatrixGrid);
    fixture.componentRef.setInput('matrix', MATRIX);
    fixture.componentRef.setInput('institutions', MATRIX.institutions);
    fixture.componentRef.setInput('large', true);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: [] }));
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: [] }));
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const box = host.querySelector('.scroll') as HTMLElement;
    return { fixture, host, box };
  }

  /** The box as a 390 px phone lays it out: wider content than the box, scrolled to `left`. */
  function laidOut(box: HTMLElement, left: number) {
    Object.defineProperty(box, 'clientWidth', { configurable: true, value: 358 });
    Object.defineProperty(box, 'scrollWidth', { configurable: true, value: 900 });
    Object.defineProperty(box, 'scrollLeft', { configurable: true, value: left });
    box.dispatchEvent(new Event('scroll'));
  }

  it('shows that it scrolls while columns wait beyond the right edge, and stops at the end', async () => {
    const { fixture, host, box } = await drawn();
    laidOut(box, 0);
    await fixture.whenStable();
    expect(host.classList).toContain('more-to-the-right');
    laidOut(box, 900 - 358);
    await fixture.whenStable();
    expect(host.classList).not.toContain('more-to-the-right');
  });
});
