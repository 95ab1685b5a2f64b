import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, Subject } from 'rxjs';
import type { FindingStatus, ItemList, RuleView, Severity } from '../core/api/api-types';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ReferenceData } from '../shared/reference-data';
import { differsFromDefault, type FindingQuery, parseFindingQuery } from './finding-query';

/** The filters a change may set: the lists of cases and of findings take the same ones. */
export type FilterChange = Partial<Omit<FindingQuery, 'sort' | 'page' | 'pageSize'>>;

/** The filters of the findings and cases lists (search, rule, severity, status, institution, city, period), as the URL holds them. */
@Component({
  selector: 'im-finding-filters',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  templateUrl: './finding-filters.html',
  styleUrl: './finding-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FindingFilters {
  private readonly reference = inject(ReferenceData);
  private readonly language = inject(Language);
  private readonly format = inject(LocaleFormat);

  /** What the list shows now (from the URL). */
  readonly query = input.required<FindingQuery>();
  /** The filters the user changed; the page puts them into the URL. */
  readonly changed = output<FilterChange>();

  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly statusLabels = FINDING_STATUS_LABELS;
  protected readonly severities: Severity[] = ['high', 'medium', 'low'];
  protected readonly statuses: FindingStatus[] = ['open', 'acknowledged', 'confirmed', 'dismissed', 'resolved'];

  private readonly rules = httpResource<ItemList<RuleView>>(() => '/api/v1/rules');
  private readonly periods = httpResource<ItemList<string>>(() => '/api/v1/periods');

  protected readonly ruleOptions = computed(() => {
    const loaded = (this.rules.hasValue() ? this.rules.value().items : []).map((r) => ({
      id: r.id,
      label: `${r.id} · ${this.language.current() === 'zh-CN' ? r.title.zh : r.title.en}`,
    }));
    // Rules named in the URL stay selectable (and shown) before the list of rules has arrived.
    const pending = this.query()
      .rule.filter((id) => !loaded.some((r) => r.id === id))
      .map((id) => ({ id, label: id }));
    return [...loaded, ...pending];
  });
  protected readonly periodOptions = computed(() =>
    (this.periods.hasValue() ? [...this.periods.value().items].reverse() : []).map((p) => ({ value: p, label: this.format.period(p) })),
  );
  protected readonly institutionOptions = computed(() =>
    this.reference
      .institutions()
      .map((i) => ({ id: i.id, name: this.format.name(i) }))
      .sort((a, b) => this.format.compare(a.name, b.name)),
  );
  protected readonly cityOptions = computed(() =>
    this.reference
      .cities()
      .map((c) => ({ code: c.code, label: this.format.withCode(this.format.name(c), c.code) }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  );
  protected readonly resettable = computed(() => differsFromDefault(this.query()));

  protected readonly searchText = signal('');
  private readonly search$ = new Subject<string>();

  constructor() {
    // The search box follows the URL (back and forward), and the URL follows typing after a pause.
    effect(() => this.searchText.set(this.query().q));
    this.search$
      .pipe(debounceTime(400), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.changed.emit({ q }));
  }

  protected set(change: FilterChange): void {
    this.changed.emit(change);
  }

  protected typeSearch(text: string): void {
    this.searchText.set(text);
    this.search$.next(text);
  }

  /** Back to the filters the list opens with. */
  protected reset(): void {
    const { rule, severity, status, institution, city, period, q } = parseFindingQuery({});
    this.changed.emit({ rule, severity, status, institution, city, period, q });
  }
}
