// Cases as GET /cases answers them, for the findings feature's specs.
import type { CaseSummary } from '../app/core/api/api-types';

/** CONS-001 between Alipay and UnionPay in three cities, two of its findings open and one dismissed. */
export function aCase(change: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: '0123456789abcdef',
    ruleId: 'CONS-001',
    subjects: ['alipay', 'unionpay'],
    mode: 'mpm',
    channel: 'offline',
    severity: 'medium',
    cities: ['110000', '310000', '654300'],
    statuses: { open: 2, acknowledged: 0, confirmed: 0, dismissed: 1, resolved: 0 },
    findingCount: 3,
    firstPeriod: '2021-03',
    lastPeriod: '2021-12',
    explanation: 'Alipay and UnionPay disagree about their link.',
    explanationZh: '支付宝与银联对互通关系的报告不一致。',
    updatedAt: '2021-12-05T08:00:00Z',
    ...change,
  };
}

export const INSTITUTIONS = [
  { id: 'alipay', name: 'Alipay', nameZh: '支付宝', kind: 'wallet', group: 'ant-group', systemic: true, active: true },
  { id: 'unionpay', name: 'UnionPay', nameZh: '银联', kind: 'network', group: 'unionpay', systemic: true, active: true },
];

export const CITIES = [
  { code: '110000', name: 'Beijing', nameZh: '北京市', province: '110000', provinceName: 'Beijing', provinceNameZh: '北京市' },
  { code: '310000', name: 'Shanghai', nameZh: '上海市', province: '310000', provinceName: 'Shanghai', provinceNameZh: '上海市' },
  {
    code: '654300',
    name: 'Aletai',
    nameZh: '阿勒泰地区',
    province: '650000',
    provinceName: 'Xinjiang',
    provinceNameZh: '新疆维吾尔自治区',
  },
];
