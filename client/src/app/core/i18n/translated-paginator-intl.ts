import { inject, Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';
import { LocaleFormat } from './locale-format';

/** Material's paginator labels ("Items per page", "1–25 of 80") in the active language. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);
  private readonly format = inject(LocaleFormat);

  constructor() {
    super();
    // Emits once the language's root file is loaded, and again on every switch.
    this.transloco.selectTranslateObject('paginator').subscribe((labels: Record<string, string>) => {
      this.itemsPerPageLabel = labels['itemsPerPage'];
      this.nextPageLabel = labels['nextPage'];
      this.previousPageLabel = labels['previousPage'];
      this.firstPageLabel = labels['firstPage'];
      this.lastPageLabel = labels['lastPage'];
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return this.transloco.translate('paginator.rangeEmpty', { length: this.format.number(length) });
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return this.transloco.translate('paginator.range', {
      start: this.format.number(start),
      end: this.format.number(end),
      length: this.format.number(length),
    });
  };
}
