// The language a person reads an answer in: Chinese when the request's Accept-Language prefers it
// (zh, zh-CN, zh-Hans…, q-values weighed by Express's negotiator), English otherwise.
import type { Request, Response } from 'express';
import type { ProblemItem as AnsweredProblem } from '../contract/common.js';
import type { ProblemItem } from '../domain/errors.js';
import type { Language } from '../text/words.js';

export function requestLanguage(req: Request): Language {
  return req.acceptsLanguages('en', 'zh') === 'zh' ? 'zh' : 'en';
}

/** The language of the answer, and a Vary header so that no cache hands one language to the other. */
export function answerLanguage(req: Request, res: Response): Language {
  res.vary('Accept-Language');
  return requestLanguage(req);
}

/** Problems (errors or warnings) as the API answers them: one message, in the reader's language. */
export function problemsIn(items: readonly (AnsweredProblem | ProblemItem)[], language: Language): AnsweredProblem[] {
  return items.map((problem) => {
    // Problems stored before they had two languages (a receipt's warnings) keep their one message.
    const { code, message, messageZh, path, row, column } = problem as AnsweredProblem & { messageZh?: string };
    return {
      code,
      message: language === 'zh' && messageZh !== undefined ? messageZh : message,
      ...(path !== undefined ? { path } : {}),
      ...(row !== undefined ? { row } : {}),
      ...(column !== undefined ? { column } : {}),
    };
  });
}

/**
 * A receipt or report with its warnings in the reader's language. Warnings stored before they had
 * two languages keep their English.
 */
export function withWarningsIn<T extends { warnings: readonly unknown[] }>(item: T, language: Language): T {
  return { ...item, warnings: problemsIn(item.warnings as AnsweredProblem[], language) };
}
