import { inject, Injectable } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { TranslocoService } from '@jsverse/transloco';

/** Material's date picker labels ("Open calendar", "Next month") in the active language. */
@Injectable()
export class TranslatedDatepickerIntl extends MatDatepickerIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    // Emits once the language's root file is loaded, and again on every switch.
    this.transloco.selectTranslateObject('datepicker').subscribe((labels: Record<string, string>) => {
      this.calendarLabel = labels['calendar'];
      this.openCalendarLabel = labels['openCalendar'];
      this.closeCalendarLabel = labels['closeCalendar'];
      this.prevMonthLabel = labels['previousMonth'];
      this.nextMonthLabel = labels['nextMonth'];
      this.prevYearLabel = labels['previousYear'];
      this.nextYearLabel = labels['nextYear'];
      this.prevMultiYearLabel = labels['previousYears'];
      this.nextMultiYearLabel = labels['nextYears'];
      this.switchToMonthViewLabel = labels['chooseDate'];
      this.switchToMultiYearViewLabel = labels['chooseMonthAndYear'];
      this.changes.next();
    });
  }
}
