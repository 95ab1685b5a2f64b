import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ItemList, RuleView } from '../core/api/api-types';
import { Session } from '../core/auth/session';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { RuleCard } from './rule-card';

/** Every rule with its settings and finding counts; analysts preview other settings, admins change them. */
@Component({
  selector: 'im-rules-page',
  imports: [MatProgressBarModule, ProblemView, RuleCard, TranslocoPipe],
  template: `
    <h1>{{ 'rules.title' | transloco }}</h1>
    <p class="intro">{{ (canChange() ? 'rules.introAdmin' : 'rules.intro') | transloco }}</p>
    @if (rules.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'rules.loading' | transloco" />
    }
    @if (problem(); as p) {
      <im-problem-view [problem]="p" />
    } @else if (rules.hasValue()) {
      <div class="grid">
        @for (rule of rules.value().items; track rule.id) {
          <im-rule-card [rule]="rule" [canChange]="canChange()" (changed)="replace($event)" />
        } @empty {
          <p class="intro">{{ 'rules.empty' | transloco }}</p>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    h1,
    .intro {
      margin: 0;
    }
    .intro {
      color: var(--mat-sys-on-surface-variant);
      max-width: 60em;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(460px, 100%), 1fr));
      gap: 16px;
      align-items: start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RulesPage {
  private readonly session = inject(Session);

  protected readonly rules = httpResource<ItemList<RuleView>>(() => '/api/v1/rules');
  protected readonly problem = computed(() => (this.rules.error() ? problemOf(this.rules.error()) : null));
  protected readonly canChange = computed(() => this.session.role() === 'admin');

  /** Puts the server's answer in place; counts may have moved, so the list is read again too. */
  protected replace(rule: RuleView): void {
    this.rules.update((list) => (list ? { items: list.items.map((r) => (r.id === rule.id ? rule : r)) } : list));
    this.rules.reload();
  }
}
