import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseDetail, Finding, FindingStatus, ItemList, Problem, RuleView } from '../core/api/api-types';
import { Session } from '../core/auth/session';
import { CHANNEL_LABELS, FINDING_STATUS_LABELS, MODE_LABELS, SEVERITY_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';
import { CommentThread } from './comment-thread';
import { FindingsApi } from './findings-api';
import { TriageForm } from './triage-form';
import { ReportDialog, type ReportDialogData } from './report-dialog';

/** One finding: what it says, its evidence, history and comments, and what can be done with it next. */
@Component({
  selector: 'im-finding-page',
  imports: [CommentThread, MatButtonModule, MatCardModule, MatProgressBarModule, ProblemView, RouterLink, TranslocoPipe, TriageForm],
  templateUrl: './finding-page.html',
  styleUrl: './finding-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FindingPage {
  private readonly api = inject(FindingsApi);
  private readonly session = inject(Session);
  private readonly reference = inject(ReferenceData);
  private readonly language = inject(Language);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  protected readonly format = inject(LocaleFormat);

  /** The route's :id. */
  readonly id = input.required<string>();

  protected readonly finding = httpResource<Finding>(() => `/api/v1/findings/${encodeURIComponent(this.id())}`);
  private readonly rules = httpResource<ItemList<RuleView>>(() => '/api/v1/rules');
  /** Its own signal so that reloading the finding (after a comment, a status change) reads the case only once. */
  private readonly caseId = computed(() => (this.finding.hasValue() ? this.finding.value().caseId : null));
  /** The finding's case, read for its cities; one of its findings is enough of its list. */
  private readonly findingCase = httpResource<CaseDetail>(() => {
    const caseId = this.caseId();
    return caseId ? { url: `/api/v1/cases/${encodeURIComponent(caseId)}`, params: { pageSize: '1' } } : undefined;
  });

  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly statusLabels = FINDING_STATUS_LABELS;
  protected readonly modeLabels = MODE_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;

  protected readonly problem = computed(() => (this.finding.error() ? problemOf(this.finding.error()) : null));
  /** The finding as shown: names, dates and the explanation in the active language. */
  protected readonly view = computed(() => {
    if (!this.finding.hasValue()) return null;
    const f = this.finding.value();
    const zh = this.language.current() === 'zh-CN';
    const rule = (this.rules.hasValue() ? this.rules.value().items : []).find((r) => r.id === f.ruleId);
    return {
      ...f,
      ruleTitle: rule ? (zh ? rule.title.zh : rule.title.en) : '',
      text: zh ? f.explanationZh : f.explanation,
      /** Confirmed, and its condition no longer holds: the system leaves it to a person to resolve. */
      awaitsResolution: f.status === 'confirmed' && !f.holds,
      subjectList: f.subjects.map((id) => ({ id, name: this.reference.institutionName(id) })),
      cityName: f.city ? this.format.withCode(this.reference.cityName(f.city), f.city) : '',
      periodRanges: f.periods.map(([from, to]) =>
        from === to ? this.format.period(from) : `${this.format.period(from)} – ${this.format.period(to)}`,
      ),
      evidenceRows: f.evidence.map((e) => ({
        ...e,
        institutionName: this.reference.institutionName(e.institution),
        periodText: this.format.period(e.period),
      })),
      // The system's notes come in both languages (noteZh); a person's note is shown as written.
      historyRows: [...f.history]
        .reverse()
        .map((h) => ({ ...h, atText: this.format.dateTime(h.at, 'short'), noteText: (zh ? h.noteZh : null) ?? h.note })),
    };
  });

  /** The way to the finding's case and how many cities it spans (none for an agreement's case). */
  protected readonly partOfCase = computed(() => {
    if (!this.findingCase.hasValue()) return null;
    const found = this.findingCase.value();
    return { id: found.id, cityCount: found.cities.length };
  });

  /** Analysts, admins and the finding's own subjects may comment (an institution's reply to the regulator). */
  protected readonly canComment = computed(() => {
    const user = this.session.user();
    if (!user || !this.finding.hasValue()) return false;
    if (user.role === 'analyst' || user.role === 'admin') return true;
    return user.role === 'institution' && !!user.institution && this.finding.value().subjects.includes(user.institution);
  });

  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly actionProblem = signal<Problem | null>(null);
  protected readonly changed = signal<FindingStatus | null>(null);

  protected async moveTo(status: FindingStatus): Promise<void> {
    this.actionProblem.set(null);
    this.changed.set(null);
    this.busy.set(true);
    try {
      const updated = await this.api.changeStatus(this.finding.value()!.id, status, this.note());
      this.finding.set(updated);
      this.note.set('');
      this.changed.set(updated.status);
    } catch (error) {
      this.actionProblem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected readonly postComment = async (text: string): Promise<void> => {
    await this.api.addComment(this.finding.value()!.id, text);
    this.finding.reload();
  };

  protected openReport(evidence: ReportDialogData): void {
    // The page's injector carries the route's translation scope into the dialog.
    this.dialog.open(ReportDialog, { data: evidence, width: '960px', maxWidth: '96vw', autoFocus: 'dialog', injector: this.injector });
  }
}
