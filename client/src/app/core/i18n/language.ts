import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom, forkJoin } from 'rxjs';

/** The languages the client is translated into; the first is the fallback. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: LanguageCode = 'en';

const STORAGE_KEY = 'interop-monitor.language';

function isLanguage(value: unknown): value is LanguageCode {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The saved choice if there is one, else Chinese for a browser set to any Chinese, else English. */
export function preferredLanguage(saved: string | null, browserLanguage: string | undefined): LanguageCode {
  if (isLanguage(saved)) return saved;
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh-CN' : FALLBACK_LANGUAGE;
}

function readSaved(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // Storage may be disabled (private windows).
  }
}

/** The language to start in: the saved choice, else the browser's (tests set it directly). */
export const PREFERRED_LANGUAGE = new InjectionToken<LanguageCode>('PREFERRED_LANGUAGE', {
  providedIn: 'root',
  factory: () => {
    const window = inject(DOCUMENT).defaultView;
    return preferredLanguage(readSaved(window?.localStorage), window?.navigator.language);
  },
});

/**
 * The language of the interface, as a signal. Switching loads every translation file the page
 * already uses in the new language first, so that the whole page changes at once.
 */
@Injectable({ providedIn: 'root' })
export class Language {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly storage = this.document.defaultView?.localStorage;

  private readonly active = signal<LanguageCode>(inject(PREFERRED_LANGUAGE));

  /** The active language code ('en' or 'zh-CN'). */
  readonly current = this.active.asReadonly();
  /** The BCP 47 locale for Intl formatting. */
  readonly locale = computed(() => (this.current() === 'zh-CN' ? 'zh-CN' : 'en-GB'));

  /** Applies the language chosen at start-up (saved or from the browser); run once, before the first page renders. */
  restore(): Promise<void> {
    return this.use(this.active());
  }

  /** Switches to a language the user chose and remembers the choice. */
  async choose(lang: LanguageCode): Promise<void> {
    try {
      this.storage?.setItem(STORAGE_KEY, lang);
    } catch {
      // Storage may be disabled (private windows): the choice then lasts for this visit only.
    }
    await this.use(lang);
  }

  private async use(lang: LanguageCode): Promise<void> {
    // Root file plus every feature scope loaded so far (keys such as "reports/en"), in the new language.
    const scopes = new Set(
      [...this.transloco.getTranslation().keys()].filter((k) => k.includes('/')).map((k) => k.slice(0, k.lastIndexOf('/'))),
    );
    const paths = [lang, ...[...scopes].map((scope) => `${scope}/${lang}`)];
    try {
      await firstValueFrom(forkJoin(paths.map((path) => this.transloco.load(path))));
    } catch {
      // The fallback language fills the gaps; the switch itself must not fail.
    }
    this.transloco.setActiveLang(lang);
    this.active.set(lang);
    this.document.documentElement.lang = lang;
  }
}
