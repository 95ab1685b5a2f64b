// The Chinese words of the domain's enumerations, as the client says them
// (client/public/i18n/zh-CN.json: linkStatus, mode.short, channel, findingStatus;
// institutions/zh-CN.json: restriction): a server message or an explanation names a status, mode,
// channel or restriction the way the screen beside it does (chinese-terms.spec.ts holds them equal).

export const LINK_STATUS_ZH: Record<string, string> = { live: '运行', pilot: '试点', planned: '计划', suspended: '暂停', none: '未受理' };
export const MODE_ZH: Record<string, string> = { mpm: '商户码', cpm: '付款码' };
export const CHANNEL_ZH: Record<string, string> = { offline: '线下', online: '线上' };
export const RESTRICTION_ZH: Record<string, string> = {
  'own-group-only': '仅限本集团',
  'no-competitor-codes': '不得受理竞争方码',
  steering: '引导支付',
  'data-sharing-required': '要求数据共享',
  'minimum-volume': '最低交易量',
  tying: '捆绑搭售',
};
export const FINDING_STATUS_ZH: Record<string, string> = {
  open: '待处理',
  acknowledged: '已知悉',
  confirmed: '已确认',
  dismissed: '已排除',
  resolved: '已解决',
};

/** A term in Chinese, or the value itself when it is not one of the known words. */
export function termZh(terms: Record<string, string>, value: string): string {
  return Object.hasOwn(terms, value) ? terms[value] : value;
}
