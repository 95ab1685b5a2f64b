// Refuses JSON bodies holding text that is not well-formed Unicode (a lone surrogate, which JSON
// can spell as "\ud800"): what is stored would differ from what was sent and hashed. One check for
// every route, so no field is forgotten.
import type { RequestHandler } from 'express';
import { illFormedTextPaths } from '../text/well-formed-text.js';
import { Invalid, nothingStored, type ProblemItem } from '../domain/errors.js';
import { jsonPath } from '../domain/parse-input.js';

export const rejectIllFormedText: RequestHandler = (req, _res, next) => {
  if (req.body === undefined || req.body === null || typeof req.body !== 'object') {
    next();
    return;
  }
  const paths = illFormedTextPaths(req.body);
  if (paths.length === 0) {
    next();
    return;
  }
  const problems: ProblemItem[] = paths.map((path) => ({
    code: 'BAD_TEXT',
    message: 'not well-formed Unicode text: it holds a lone surrogate',
    messageZh: '不是格式正确的 Unicode 文本：含有孤立的代理字符',
    path: jsonPath(path),
  }));
  next(new Invalid(problems, nothingStored(problems)));
};
