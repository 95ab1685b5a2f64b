// zod input parsing: every issue becomes a problem item with a stable code, a path, and its message
// in English and Chinese. Routes parse through http/validate.ts; code that must parse on its own
// (a worker, a stored setting) uses this directly.
import { z } from 'zod';
import { CHANNEL_ZH, FINDING_STATUS_ZH, LINK_STATUS_ZH, MODE_ZH } from '../text/chinese-terms.js';
import type { Words } from '../text/words.js';
import { Invalid, type ProblemItem } from './errors.js';
import { CODED_WORDS_SEPARATOR } from '../contract/common.js';

const CODED_MESSAGE = /^([A-Z][A-Z0-9_]+): (.*)$/s;

function codeFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD';
    case 'invalid_type':
      // zod leaves the input out of issues by default; its message names what was received.
      return issue.input === undefined && /received undefined/.test(issue.message) ? 'REQUIRED' : 'WRONG_TYPE';
    case 'invalid_value':
      return 'BAD_VALUE';
    case 'too_big':
      return 'TOO_BIG';
    case 'too_small':
      return 'TOO_SMALL';
    case 'invalid_format':
      return 'BAD_FORMAT';
    default:
      return 'INVALID';
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

/** An allowed value with its Chinese name where the interface has one: "mpm（商户码）". */
const ALLOWED_VALUE_ZH: Record<string, string> = { ...MODE_ZH, ...CHANNEL_ZH, ...LINK_STATUS_ZH, ...FINDING_STATUS_ZH };

function allowedValues(values: readonly unknown[]): Words {
  const shown = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return {
    en: shown.join(', '),
    zh: shown.map((v) => (Object.hasOwn(ALLOWED_VALUE_ZH, v) ? `${v}（${ALLOWED_VALUE_ZH[v]}）` : v)).join('、'),
  };
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  array: '数组',
  object: '对象',
  null: 'null',
  undefined: '空',
};
const typeZh = (name: string) => TYPE_ZH[name] ?? name;
const zodChinese = z.locales.zhCN().localeError;

/** The words of an issue zod wrote in English only. */
function issueWords(issue: z.core.$ZodIssue): Words {
  switch (issue.code) {
    case 'invalid_value': {
      const allowed = allowedValues(issue.values);
      return issue.values.length === 1
        ? { en: `must be ${allowed.en}`, zh: `应为 ${allowed.zh}` }
        : { en: `must be one of ${allowed.en}`, zh: `应为以下之一：${allowed.zh}` };
    }
    case 'invalid_type': {
      // zod leaves the input out; its English message names what was received.
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') return { en: 'is required', zh: '必填' };
      return { en: issue.message, zh: `类型错误：应为${typeZh(issue.expected)}${received ? `，收到的是${typeZh(received)}` : ''}` };
    }
    case 'too_big':
    case 'too_small': {
      const most = issue.code === 'too_big';
      const limit = String(most ? issue.maximum : issue.minimum);
      const strict = !issue.inclusive;
      const counted =
        issue.origin === 'string'
          ? { en: 'characters', zh: '个字符' }
          : issue.origin === 'array' || issue.origin === 'set'
            ? { en: 'items', zh: '项' }
            : undefined;
      if (counted) {
        const en = most ? (strict ? 'fewer than' : 'at most') : strict ? 'more than' : 'at least';
        const zh = most ? (strict ? '应少于' : '最多') : strict ? '应多于' : '至少';
        return { en: `must have ${en} ${limit} ${counted.en}`, zh: `${zh} ${limit} ${counted.zh}` };
      }
      const en = most ? (strict ? 'less than' : 'at most') : strict ? 'more than' : 'at least';
      const zh = most ? (strict ? '应小于' : '不能大于') : strict ? '应大于' : '不能小于';
      return { en: `must be ${en} ${limit}`, zh: `${zh} ${limit}` };
    }
    default: {
      const zh = zodChinese(issue as never);
      return { en: issue.message, zh: typeof zh === 'string' ? zh : (zh?.message ?? issue.message) };
    }
  }
}

/** A schema's own "CODE: English␞Chinese" message (contract/common.ts codedWords), read apart. */
function codedWords(text: string): Words {
  const [en, zh] = text.split(CODED_WORDS_SEPARATOR);
  return { en, zh: zh ?? en };
}

export function issuesToProblems(issues: readonly z.core.$ZodIssue[], basePath: readonly PropertyKey[] = []): ProblemItem[] {
  return issues.flatMap((issue) => {
    const coded = CODED_MESSAGE.exec(issue.message);
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = [...basePath, ...issue.path, ...(key === undefined ? [] : [key])];
      const words = coded ? codedWords(coded[2]) : key ? { en: `unknown field "${key}"`, zh: `未知字段 "${key}"` } : issueWords(issue);
      return { code: coded ? coded[1] : codeFor(issue), message: words.en, messageZh: words.zh, path: jsonPath(path) };
    });
  });
}

/** Parses a body or query with a schema, or throws 422 with every problem found. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new Invalid(issuesToProblems(result.error.issues));
  return result.data;
}
