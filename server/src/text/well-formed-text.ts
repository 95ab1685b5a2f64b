// Well-formed Unicode text. A JavaScript string may hold a lone surrogate (a JSON "\ud800" escape,
// a UTF-16 form field, a slice through a pair); SQLite stores it as U+FFFD, so a hash taken over
// the string would not be a hash of what is stored. Every string the server stores or hashes is
// well-formed: requests holding one are refused, and what the server writes itself is cut by code
// points and, in the audit trail, replaced exactly as storage would replace it.
/// <reference lib="es2024.string" />

/** A JSON path's steps: object keys and array indices. */
export type TextPath = (string | number)[];

/** The character SQLite (and TextEncoder) writes for a lone surrogate. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** The text with each lone surrogate replaced by U+FFFD: what storage would keep of it. */
export function wellFormed(text: string): string {
  return text.isWellFormed() ? text : text.toWellFormed();
}

/** At most `max` code points of the text: never ends on half of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (let points = 0; points < max && end < text.length; points++) {
    const unit = text.charCodeAt(end);
    const pairs = unit >= 0xd800 && unit <= 0xdbff && end + 1 < text.length && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00;
    end += pairs ? 2 : 1;
  }
  return text.slice(0, end);
}

interface Visit {
  value: unknown;
  /** The step from the parent (undefined at the root) and the parent's own visit, for the path. */
  key?: string | number;
  parent?: Visit;
}

function pathOf(visit: Visit, last?: string): TextPath {
  const path: TextPath = last === undefined ? [] : [last];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) path.unshift(v.key);
  return path;
}

/**
 * Where a parsed JSON value holds a string or an object key that is not well-formed, up to
 * `limit` paths. Walked without recursion (deep values are refused elsewhere, but this must not
 * overflow first); only containers are pushed, so a 50,000-link report costs one pass.
 */
export function illFormedTextPaths(value: unknown, limit = 100): TextPath[] {
  const found: TextPath[] = [];
  const stack: Visit[] = [{ value }];
  while (stack.length > 0 && found.length < limit) {
    const visit = stack.pop()!;
    const node = visit.value;
    if (typeof node === 'string') {
      if (!node.isWellFormed()) found.push(pathOf(visit));
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const child: unknown = node[i];
        if (typeof child === 'string') {
          if (!child.isWellFormed()) found.push([...pathOf(visit), i]);
        } else if (typeof child === 'object' && child !== null) stack.push({ value: child, key: i, parent: visit });
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const key in node) {
        if (!key.isWellFormed()) found.push(pathOf(visit, key));
        const child: unknown = (node as Record<string, unknown>)[key];
        if (typeof child === 'string') {
          if (!child.isWellFormed()) found.push([...pathOf(visit), key]);
        } else if (typeof child === 'object' && child !== null) stack.push({ value: child, key, parent: visit });
      }
    }
  }
  return found.slice(0, limit);
}

/** A JSON value with every string and key made well-formed; the value itself when nothing needs it. */
export function wellFormedJson<T>(value: T): T {
  if (typeof value === 'string') return wellFormed(value) as T;
  if (typeof value !== 'object' || value === null || illFormedTextPaths(value, 1).length === 0) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => wellFormedJson(item)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), wellFormedJson(v)])) as T;
}

/** Whether bytes at i are the three-byte form of a surrogate code point (ED A0–BF 80–BF), as V8 writes a lone one. */
const isEncodedSurrogate = (bytes: Uint8Array, i: number) =>
  bytes[i] === 0xed && i + 2 < bytes.length && (bytes[i + 1] & 0xe0) === 0xa0 && (bytes[i + 2] & 0xc0) === 0x80;

/**
 * Decodes UTF-8 in which lone surrogates were written as their three-byte forms (what SQLite
 * holds for a string bound with one): the string as it was before storage. Anything else that is
 * not UTF-8 decodes to U+FFFD, as usual.
 */
export function decodeWithLoneSurrogates(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (!isEncodedSurrogate(bytes, i)) continue;
    text +=
      decoder.decode(bytes.subarray(start, i)) +
      String.fromCharCode(((bytes[i] & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
    i += 2;
    start = i + 1;
  }
  return text + decoder.decode(bytes.subarray(start));
}
