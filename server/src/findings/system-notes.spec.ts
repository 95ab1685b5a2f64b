import { describe, expect, it } from 'vitest';
import { noteZh } from './system-notes.js';

describe('the Chinese of the rule engine’s history notes', () => {
  it.each([
    ['EXCL-001 holds in 2020-06', 'EXCL-001 在2020年6月成立'],
    ['no longer holds in 2021-02; last held in 2021-01', '在2021年2月已不再成立；最后成立于2021年1月'],
    ['no longer holds in any period', '在任何期间均不再成立'],
    ['condition no longer holds as of 2021-02; last held in 2021-01', '自2021年2月起条件不再成立；最后成立于2021年1月'],
    [
      'condition no longer holds as of 2021-02; it holds in no period of the reports as they stand',
      '自2021年2月起条件不再成立；按现有报告，任何期间均不成立',
    ],
    ['condition holds again in 2021-03', '条件在2021年3月再次成立'],
    ['holds again in 2021-03', '在2021年3月再次成立'],
    ['holds again in 2021-03 after being resolved', '已解决后在2021年3月再次成立'],
    [
      'new evidence while dismissed: report 7 v1 (tenpay 2021-03) agreement T-EX; report 9 v2 (cmb 2021-03) row 4',
      '已排除期间出现新证据：报告 7 第 1 版（tenpay 2021年3月）协议 T-EX；报告 9 第 2 版（cmb 2021年3月）第 4 行',
    ],
    ['evidence updated: report 12 v1 (alipay 2021-01)', '证据已更新：报告 12 第 1 版（alipay 2021年1月）'],
    ['evidence updated', '证据已更新'],
    ['new evidence while dismissed', '已排除期间出现新证据'],
  ])('"%s" reads "%s"', (note, chinese) => {
    expect(noteZh('system', note)).toBe(chinese);
  });

  it('keeps a system note of no known form as it is, and gives a person’s note none', () => {
    expect(noteZh('system', 'something new')).toBe('something new');
    expect(noteZh('analyst', 'EXCL-001 holds in 2020-06')).toBeNull();
  });
});
