import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Language } from '../i18n/language';

/**
 * Tells the API which language the interface speaks, so that the messages a person reads in its
 * answers (problem titles and details, validation errors and warnings) come in that language. Only
 * the API's own requests carry it; a request that already names a language keeps its own. An
 * answer already shown stays in the language it came in: switching asks for nothing again.
 */
export const sendInterfaceLanguage: HttpInterceptorFn = (req, next) => {
  if (!isApiRequest(req.url) || req.headers.has('Accept-Language')) return next(req);
  const language = inject(Language).current();
  return next(req.clone({ setHeaders: { 'Accept-Language': language === 'zh-CN' ? 'zh-CN' : 'en' } }));
};

/** The API's paths, absolute or relative to the page's origin; the translation files need no language. */
function isApiRequest(url: string): boolean {
  return /^(?:https?:\/\/[^/]+)?\/api\//.test(url);
}
