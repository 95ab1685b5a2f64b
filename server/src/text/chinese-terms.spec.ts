// The server's Chinese words for the domain's enumerations are the client's: an explanation or a
// message says "试点" where the screen beside it says "试点".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_ZH, FINDING_STATUS_ZH, LINK_STATUS_ZH, MODE_ZH, RESTRICTION_ZH } from './chinese-terms.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../client/public/i18n/${path}`, import.meta.url), 'utf8'));
const camel = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

describe('the Chinese terms', () => {
  it('are the client’s words for link statuses, modes, channels, finding statuses and restrictions', () => {
    const zh = read('zh-CN.json');
    expect(LINK_STATUS_ZH).toEqual(zh.linkStatus);
    expect(MODE_ZH).toEqual(Object.fromEntries(Object.entries(zh.mode as Record<string, { short: string }>).map(([k, v]) => [k, v.short])));
    expect(CHANNEL_ZH).toEqual(zh.channel);
    expect(FINDING_STATUS_ZH).toEqual(zh.findingStatus);
    const restriction = zh.restriction as Record<string, string>;
    expect(Object.fromEntries(Object.entries(RESTRICTION_ZH).map(([id, word]) => [camel(id), word]))).toEqual(restriction);
  });
});
