import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, LANGUAGES, type LanguageCode } from './language';

/** Each language named in itself, so that anyone can find their own. */
const NATIVE_NAMES: Record<LanguageCode, { short: string; long: string }> = {
  en: { short: 'EN', long: 'English' },
  'zh-CN': { short: '中文', long: '简体中文' },
};

/** The language switch of the toolbar and the login page. */
@Component({
  selector: 'im-language-menu',
  imports: [MatButtonModule, MatMenuModule, TranslocoPipe],
  template: `
    <button mat-button type="button" class="trigger" [matMenuTriggerFor]="menu" [attr.aria-label]="'language.choose' | transloco: { name: currentName().short }">
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M12.87 15.07l-2.54-2.51.03-.03A17.52 17.52 0 0014.07 6H17V4h-7V2H8v2H1v1.99h11.17C11.5 7.92 10.44 9.75 9 11.35 8.07 10.32 7.3 9.19 6.69 8h-2c.73 1.63 1.73 3.17 2.98 4.56l-5.09 5.02L4 19l5-5 3.11 3.11.76-2.04zM18.5 10h-2L12 22h2l1.12-3h4.75L21 22h2l-4.5-12zm-2.62 7l1.62-4.33L19.12 17h-3.24z"
        />
      </svg>
      <span [attr.lang]="language.current()">{{ currentName().short }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (lang of languages; track lang) {
        <button mat-menu-item type="button" role="menuitemradio" [attr.aria-checked]="lang === language.current()" [attr.lang]="lang" (click)="choose(lang)">
          <span class="check" aria-hidden="true">{{ lang === language.current() ? '✓' : '' }}</span>{{ names[lang].long }}
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .trigger {
      min-width: 0;
    }
    .icon {
      width: 18px;
      height: 18px;
      fill: currentColor;
      margin-right: 6px;
      vertical-align: -4px;
    }
    .check {
      display: inline-block;
      width: 1.5em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageMenu {
  protected readonly language = inject(Language);

  protected readonly languages = LANGUAGES;
  protected readonly names = NATIVE_NAMES;
  protected readonly currentName = computed(() => NATIVE_NAMES[this.language.current()]);

  protected choose(lang: LanguageCode): void {
    void this.language.choose(lang);
  }
}
