import { inject, Injectable, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { filter, map, merge, of, switchMap } from 'rxjs';

/**
 * Route titles are translation keys ("nav.matrix"); the document title becomes "Matrix · Interop
 * Monitor" in the active language, and follows the language when it changes.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly transloco = inject(TranslocoService);
  private readonly title = inject(Title);
  private readonly key = signal<string | undefined>(undefined);

  constructor() {
    super();
    // A title kept in a feature's scope can only be read once that scope has loaded, hence the load events.
    const translationsChanged = merge(
      this.transloco.langChanges$,
      this.transloco.events$.pipe(filter((e) => e.type === 'translationLoadSuccess')),
    );
    toObservable(this.key)
      .pipe(switchMap((key) => (key ? translationsChanged.pipe(map(() => key)) : of(undefined))))
      .subscribe((key) => this.showTitle(key));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.set(this.buildTitle(snapshot));
  }

  private showTitle(key: string | undefined): void {
    const appName = this.transloco.translate('app.name');
    this.title.setTitle(key ? `${this.transloco.translate(key)} · ${appName}` : appName);
  }
}
