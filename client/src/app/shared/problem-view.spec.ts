import { Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Problem } from '../core/api/api-types';
import { ProblemView } from './problem-view';

@Component({
  imports: [ProblemView],
  template: `<im-problem-view [problem]="problem()" />`,
})
class TestHost {
  readonly problem = signal<Problem>({ type: 'about:blank', title: 'Not found', status: 404, code: 'NOT_FOUND', detail: 'No finding 9.' });
}

describe('ProblemView', () => {
  async function render(problem?: Problem) {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const fixture = TestBed.createComponent(TestHost);
    if (problem) fixture.componentInstance.problem.set(problem);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('lists the first five errors of a 422 with their codes and paths, and how many more there are', async () => {
    const errors = Array.from({ length: 7 }, (_, i) => ({ code: `CODE_${i}`, message: `problem ${i}`, path: `$.q${i}` }));
    const root = await render({
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      code: 'VALIDATION_FAILED',
      detail: '7 problems found.',
      errors,
    });
    const items = [...root.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      'CODE_0 problem 0 ($.q0)',
      'CODE_1 problem 1 ($.q1)',
      'CODE_2 problem 2 ($.q2)',
      'CODE_3 problem 3 ($.q3)',
      'CODE_4 problem 4 ($.q4)',
      'and 2 more',
    ]);
  });

  it('shows no list for a problem without errors', async () => {
    const root = await render();
    expect(root.querySelector('ul')).toBeNull();
    expect(root.textContent).toContain('No finding 9.');
  });
});
