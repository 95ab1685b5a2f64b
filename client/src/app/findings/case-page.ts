import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseDetail, CaseStatusChange, FindingStatus, ItemList, Problem, RuleView } from '../core/api/api-types';
import { Session } from '../core/auth/session';
import { CHANNEL_LABELS, FINDING_STATUS_LABELS, MODE_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { confirmed } from '../shared/confirm-dialog';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';
import { CaseRows, STATUS_ORDER } from './case-rows';
import { CommentThread } from './comment-thread';
import { PAGE_SIZES } from './finding-query';
import { FindingsApi } from './findings-api';
import { MOVES_FROM, TRANSITION_LABELS } from './triage';
import { TriageForm } from './triage-form';

/** How many finding ids an outcome names before it says "and N more". */
const NAMED_IDS = 20;

/** The wording of each reason a finding did not move; unknown reasons read as the last. */
const UNCHANGED_REASONS: Record<CaseStatusChange['unchanged'][number]['reason'] | 'other', string> = {
  SAME_STATUS: 'findings.caseDetail.outcome.sameStatus',
  ILLEGAL_TRANSITION: 'findings.caseDetail.outcome.illegal',
  other: 'findings.caseDetail.outcome.other',
};

/** The confirmation's title for each step, so that each reads as the analyst would say it. */
const CONFIRM_TITLES: Record<FindingStatus, string> = {
  open: 'findings.caseDetail.confirm.title.open',
  acknowledged: 'findings.caseDetail.confirm.title.acknowledged',
  confirmed: 'findings.caseDetail.confirm.title.confirmed',
  dismissed: 'findings.caseDetail.confirm.title.dismissed',
  resolved: 'findings.caseDetail.confirm.title.resolved',
};

/** A case's answer to a status change, as the page tells it. */
interface ShownOutcome {
  to: FindingStatus;
  moved: number;
  unchanged: number;
  groups: { reason: string; count: number; ids: number[]; more: number }[];
}

/**
 * One case: what it says and where it holds, its findings (paged, each opening its own page), its
 * comment thread, and the triage that acts on all its findings at once, after saying how many move.
 */
@Component({
  selector: 'im-case-page',
  imports: [
    CommentThread,
    MatButtonModule,
    MatCardModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    ProblemView,
    RouterLink,
    TranslocoPipe,
    TriageForm,
  ],
  templateUrl: './case-page.html',
  styleUrl: './case-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasePage {
  private readonly api = inject(FindingsApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly reference = inject(ReferenceData);
  private readonly language = inject(Language);
  private readonly caseRows = inject(CaseRows);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  protected readonly format = inject(LocaleFormat);

  // Bound by the router: the case id from the path, its findings' page and status filter from the query.
  readonly id = input.required<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();
  readonly status = input<string>();

  protected readonly pageNumber = computed(() => Math.max(1, Math.floor(Number(this.page())) || 1));
  protected readonly pageSizeNumber = computed(() =>
    (PAGE_SIZES as readonly number[]).includes(Number(this.pageSize())) ? Number(this.pageSize()) : PAGE_SIZES[0],
  );
  protected readonly statusFilter = computed(() =>
    (STATUS_ORDER as readonly string[]).includes(this.status() ?? '') ? (this.status() as FindingStatus) : null,
  );
  protected readonly pageSizes = PAGE_SIZES;

  protected readonly detail = httpResource<CaseDetail>(() => ({
    url: `/api/v1/cases/${encodeURIComponent(this.id())}`,
    params: {
      page: String(this.pageNumber()),
      pageSize: String(this.pageSizeNumber()),
      ...(this.statusFilter() ? { status: this.statusFilter()! } : {}),
    },
  }));
  private readonly rules = httpResource<ItemList<RuleView>>(() => '/api/v1/rules');

  protected readonly statusLabels = FINDING_STATUS_LABELS;
  protected readonly modeLabels = MODE_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;

  protected readonly problem = computed(() => (this.detail.error() ? problemOf(this.detail.error()) : null));
  /** The case as shown; kept while a new page of findings loads, so the page does not blink. */
  protected readonly view = computed(() => {
    if (!this.detail.hasValue()) return null;
    const c = this.detail.value();
    const zh = this.language.current() === 'zh-CN';
    const rule = (this.rules.hasValue() ? this.rules.value().items : []).find((r) => r.id === c.ruleId);
    return {
      ...this.caseRows.view(c),
      ruleTitle: rule ? (zh ? rule.title.zh : rule.title.en) : '',
      updatedText: this.format.dateTime(c.updatedAt, 'short'),
      findingRows: c.findings.items.map((f) => ({
        ...f,
        cityName: f.city ? this.reference.cityName(f.city) : '',
        periodText:
          f.firstPeriod === f.lastPeriod
            ? this.format.period(f.lastPeriod)
            : `${this.format.period(f.firstPeriod)} – ${this.format.period(f.lastPeriod)}`,
        statusLabel: FINDING_STATUS_LABELS[f.status],
        updatedText: this.format.dateTime(f.updatedAt, 'short'),
      })),
      findingsTotal: c.findings.total,
    };
  });

  private readonly narrow = inject(Viewport).narrow;
  protected readonly findingColumns = computed(() =>
    this.narrow() ? ['id', 'city', 'status'] : ['id', 'city', 'status', 'periods', 'holds', 'updatedAt'],
  );

  /** Analysts, admins and the case's own subjects may comment (an institution's reply to the regulator). */
  protected readonly canComment = computed(() => {
    const user = this.session.user();
    if (!user || !this.detail.hasValue()) return false;
    if (user.role === 'analyst' || user.role === 'admin') return true;
    return user.role === 'institution' && !!user.institution && this.detail.value().subjects.includes(user.institution);
  });

  protected readonly citiesShown = signal(false);
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly actionProblem = signal<Problem | null>(null);
  protected readonly outcome = signal<ShownOutcome | null>(null);
  /** How many findings' pages the last comment went to. */
  protected readonly commentedOn = signal<number | null>(null);

  /** Of the case's findings, those in the status from which a person may move them to `status`. */
  protected movable(status: FindingStatus): number {
    const from = MOVES_FROM[status];
    return from && this.detail.hasValue() ? this.detail.value().statuses[from] : 0;
  }

  /** Asks how many findings will move, then moves them and says what moved and what did not, and why. */
  protected async moveTo(status: FindingStatus): Promise<void> {
    if (!this.detail.hasValue()) return;
    const detail = this.detail.value();
    this.actionProblem.set(null);
    this.outcome.set(null);
    if (!(await this.confirmMove(status, detail))) return;
    this.busy.set(true);
    try {
      const answer = await this.api.changeCaseStatus(detail.id, status, this.note());
      this.outcome.set(this.describe(status, answer));
      this.note.set('');
      this.detail.reload();
    } catch (error) {
      this.actionProblem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected readonly postComment = async (text: string): Promise<void> => {
    this.commentedOn.set(null);
    const answer = await this.api.addCaseComment(this.id(), text);
    this.commentedOn.set(answer.findings);
    this.detail.reload();
  };

  protected turnPage(event: PageEvent): void {
    const page = event.pageSize === this.pageSizeNumber() ? event.pageIndex + 1 : 1;
    void this.router.navigate([], {
      queryParams: { page: page === 1 ? null : page, pageSize: event.pageSize === PAGE_SIZES[0] ? null : event.pageSize },
      queryParamsHandling: 'merge',
    });
  }

  private confirmMove(status: FindingStatus, detail: CaseDetail): Promise<boolean> {
    const moving = this.movable(status);
    const staying = detail.findingCount - moving;
    const t = (key: string, count: number, params: Record<string, string> = {}) =>
      this.transloco.translate(this.format.plural(key, count), { count: this.format.number(count), ...params });
    const from = MOVES_FROM[status];
    const words = {
      from: from ? this.transloco.translate(FINDING_STATUS_LABELS[from]) : '',
      to: this.transloco.translate(FINDING_STATUS_LABELS[status]),
      action: this.transloco.translate(TRANSITION_LABELS[status]),
    };
    return confirmed(this.dialog, {
      title: t(CONFIRM_TITLES[status], moving),
      body: t('findings.caseDetail.confirm.body', moving, words),
      note: staying > 0 ? t('findings.caseDetail.confirm.staying', staying, words) : undefined,
      confirm: t('findings.caseDetail.confirm.button', moving, words),
    });
  }

  private describe(to: FindingStatus, answer: CaseStatusChange): ShownOutcome {
    const byReason = new Map<string, number[]>();
    for (const u of answer.unchanged) {
      const key = UNCHANGED_REASONS[u.reason] ?? UNCHANGED_REASONS.other;
      byReason.set(key, [...(byReason.get(key) ?? []), u.id]);
    }
    return {
      to,
      moved: answer.moved,
      unchanged: answer.unchanged.length,
      groups: [...byReason].map(([reason, ids]) => ({
        reason,
        count: ids.length,
        ids: ids.slice(0, NAMED_IDS),
        more: Math.max(0, ids.length - NAMED_IDS),
      })),
    };
  }
}
