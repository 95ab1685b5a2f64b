// Dates and months as a Chinese sentence writes them, the way the client's LocaleFormat shows them
// beside it (Intl zh-CN: 2020年6月1日, 2021年12月): an explanation reads as the page around it.

const PERIOD = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A reporting period (YYYY-MM) in Chinese: "2021年12月"; anything else as it is. */
export function periodZh(period: string): string {
  const m = PERIOD.exec(period);
  return m ? `${m[1]}年${Number(m[2])}月` : period;
}

/** A calendar date (YYYY-MM-DD) in Chinese: "2020年6月1日"; anything else as it is. */
export function dateZh(date: string): string {
  const m = DATE.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}
