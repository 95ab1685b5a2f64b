import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { AGREEMENT_KIND_LABELS, CHANNEL_LABELS, LINK_STATUS_LABELS, MODE_LABELS, RESTRICTION_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';
import { FindingsApi } from './findings-api';

/** One item of a finding's evidence: the report and the row or agreement behind it. */
export interface ReportDialogData {
  reportId: number;
  version: number;
  institution: string;
  period: string;
  row?: number;
  agreementRef?: string;
}

/** The report behind an item of evidence (read-only), with the cited link or agreement first. */
@Component({
  selector: 'im-report-dialog',
  imports: [MatButtonModule, MatDialogModule, MatProgressBarModule, ProblemView, TranslocoPipe],
  templateUrl: './report-dialog.html',
  styleUrl: './report-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportDialog {
  private readonly api = inject(FindingsApi);
  private readonly reference = inject(ReferenceData);
  private readonly language = inject(Language);
  protected readonly format = inject(LocaleFormat);
  protected readonly data = inject<ReportDialogData>(MAT_DIALOG_DATA);
  protected readonly statusLabels = LINK_STATUS_LABELS;
  protected readonly modeLabels = MODE_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;

  protected readonly report = resource({ loader: () => this.api.report(this.data.reportId) });
  /** An institution may read only its own reports: the counterparty's is a 404, which is said plainly. */
  protected readonly problem = computed(() => (this.report.error() ? problemOf(this.report.error()) : null));
  protected readonly institutionName = computed(() => this.reference.institutionName(this.data.institution));

  protected readonly citedLink = computed(() => {
    if (!this.report.hasValue() || this.data.row === undefined) return null;
    const link = this.report.value().links.find((l) => l.row === this.data.row) ?? this.report.value().links[this.data.row];
    return link
      ? {
          ...link,
          scannerName: this.reference.institutionName(link.scanner),
          issuerName: this.reference.institutionName(link.issuer),
          cityName: this.format.withCode(this.reference.cityName(link.city), link.city),
        }
      : null;
  });
  protected readonly citedAgreement = computed(() => {
    if (!this.report.hasValue() || !this.data.agreementRef) return null;
    const agreement = this.report.value().agreements.find((a) => a.ref === this.data.agreementRef);
    if (!agreement) return null;
    const { cities, modes, channels } = agreement.scope;
    return {
      ...agreement,
      counterpartyName: this.reference.institutionName(agreement.counterparty),
      kindKey: AGREEMENT_KIND_LABELS[agreement.kind],
      restrictionKeys: agreement.restrictions.map((r) => RESTRICTION_LABELS[r]),
      // Every city ("*") in words; otherwise the cities by name.
      allCities: cities.includes('*'),
      citiesText: cities.map((c) => this.reference.cityName(c)).join(this.language.current() === 'zh-CN' ? '、' : ', '),
      modeKeys: modes.map((m) => MODE_LABELS[m].short),
      channelKeys: channels.map((c) => CHANNEL_LABELS[c]),
    };
  });
}
