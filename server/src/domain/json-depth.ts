// How deep a JSON value nests. JSON.parse copes with deep nesting, but the recursive code after it
// (validation, hashing) would overflow the stack and answer 500; a stable code says what is wrong
// instead. The middleware refusing deep bodies is http/json-depth.ts; the report-check worker
// measures its own parse here.
import { BadRequest } from './errors.js';

/** Reports nest four levels (report → agreements → agreement → scope → cities); 32 leaves room. */
export const MAX_JSON_DEPTH = 32;

/** How deep a parsed JSON value nests, counted without recursion (the point is not to overflow). */
export function exceedsDepth(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  // Only containers go on the stack: a 50,000-link report costs one pass over its objects.
  const nodes: object[] = [value];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > max) return true;
    const push = (child: unknown) => {
      if (typeof child === 'object' && child !== null) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    };
    // Keys walked in place: Object.values made an array for each of a big report's 50,000 links.
    if (Array.isArray(node)) for (const child of node) push(child);
    else for (const key in node) push((node as Record<string, unknown>)[key]);
  }
  return false;
}

export function jsonTooDeep(): BadRequest {
  return new BadRequest(
    {
      en: `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels; no request of this API needs that.`,
      zh: `JSON 请求体嵌套超过 ${MAX_JSON_DEPTH} 层；本 API 的请求都不需要这么深。`,
    },
    undefined,
    'JSON_TOO_DEEP',
  );
}
