import { DOCUMENT } from '@angular/common';
import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { Session } from './core/auth/session';
import { sendInterfaceLanguage } from './core/http/accept-language';
import { servePrefetched } from './core/http/prefetch';
import { provideI18n } from './core/i18n/provide-i18n';
import { ColorScheme } from './core/theme/color-scheme';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // ngx-charts 25 still animates through @angular/animations.
    provideAnimations(),
    provideRouter(routes, withComponentInputBinding()),
    // A prefetched request passes the language interceptor too: it is sent as the page would send it.
    provideHttpClient(
      withInterceptors([servePrefetched, sendInterfaceLanguage]),
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
    ),
    provideI18n(),
    // The saved light or dark choice applies from the first page on, whether or not it has the toggle.
    provideAppInitializer(() => void inject(ColorScheme)),
    // Who is logged in is asked at once, beside the translations, not by the first guard after the
    // page's code has loaded; the login page needs no answer.
    provideAppInitializer(() => {
      if (!inject(DOCUMENT).location.pathname.startsWith('/login'))
        inject(Session)
          .ensureLoaded()
          .catch(() => undefined);
    }),
  ],
};
