import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, effect, inject, Injectable, signal } from '@angular/core';

export type Scheme = 'light' | 'dark';

const STORAGE_KEY = 'interop-monitor.color-scheme';

/**
 * Light or dark: the user's choice when they made one (kept in localStorage), else the system's
 * (prefers-color-scheme, followed live). The theme in styles.scss is built with light-dark(), so
 * setting `color-scheme` on <html> is all it takes.
 */
@Injectable({ providedIn: 'root' })
export class ColorScheme {
  private readonly document = inject(DOCUMENT);
  private readonly storage = this.document.defaultView?.localStorage;
  private readonly systemQuery = this.document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');

  private readonly chosen = signal<Scheme | null>(this.read());
  private readonly systemDark = signal(this.systemQuery?.matches ?? false);

  /** The scheme in effect. */
  readonly current = computed<Scheme>(() => this.chosen() ?? (this.systemDark() ? 'dark' : 'light'));
  /** Whether the dark scheme is in effect (the toggle shows as pressed). */
  readonly isDark = computed(() => this.current() === 'dark');

  constructor() {
    const followSystem = (event: MediaQueryListEvent) => this.systemDark.set(event.matches);
    this.systemQuery?.addEventListener('change', followSystem);
    inject(DestroyRef).onDestroy(() => this.systemQuery?.removeEventListener('change', followSystem));
    // Without a choice the stylesheet's "light dark" follows the system by itself, before Angular even starts.
    effect(() => this.document.documentElement.style.setProperty('color-scheme', this.chosen() ?? ''));
  }

  /** Switches to the other scheme and remembers it. */
  toggle(): void {
    const next: Scheme = this.isDark() ? 'light' : 'dark';
    this.chosen.set(next);
    try {
      this.storage?.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be disabled: the choice then lasts for this visit only.
    }
  }

  private read(): Scheme | null {
    try {
      const saved = this.storage?.getItem(STORAGE_KEY);
      return saved === 'light' || saved === 'dark' ? saved : null;
    } catch {
      return null;
    }
  }
}
