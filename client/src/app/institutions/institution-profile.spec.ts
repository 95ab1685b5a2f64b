import type { Institution } from '../core/api/api-types';
import { profileFilters } from './institution-profile';
import { matchesInstitution } from './institutions-page';

describe('the institution profile', () => {
  it('reads the period, mode and channel from the URL, defaulting to the latest period, mpm and offline', () => {
    expect(profileFilters({}, ['2021-12', '2020-01', '2021-06'])).toEqual({ period: '2021-12', mode: 'mpm', channel: 'offline' });
    expect(profileFilters({ period: '2021-06', mode: 'cpm', channel: 'online' }, ['2021-12'])).toEqual({
      period: '2021-06',
      mode: 'cpm',
      channel: 'online',
    });
    expect(profileFilters({ period: 'June', mode: 'xpm', channel: 'web' }, [])).toEqual({
      period: undefined,
      mode: 'mpm',
      channel: 'offline',
    });
  });

  it('finds an institution by its id, either name or its group', () => {
    const alipay: Institution = {
      id: 'alipay',
      name: 'Alipay',
      nameZh: '支付宝',
      kind: 'wallet',
      group: 'ant-group',
      systemic: true,
      active: true,
    };
    expect(matchesInstitution(alipay, '')).toBe(true);
    expect(matchesInstitution(alipay, 'ALI')).toBe(true);
    expect(matchesInstitution(alipay, '支付')).toBe(true);
    expect(matchesInstitution(alipay, 'ant-')).toBe(true);
    expect(matchesInstitution(alipay, 'tenpay')).toBe(false);
  });
});
