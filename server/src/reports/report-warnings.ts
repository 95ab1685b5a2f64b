// Plausibility notes that do not block a report: shown to the submitter and kept with the report.
import type { Agreement, Link, Report } from '../contract/reports.js';
import type { ProblemItem } from '../domain/errors.js';
import { jsonPath } from '../domain/parse-input.js';
import { lastDayOf } from '../state/periods.js';
import { CHANNEL_ZH, MODE_ZH, termZh } from '../text/chinese-terms.js';
import { quotedText } from '../text/quoted-text.js';
import { linkIndexOf } from './link-index.js';

export const HIGH_FEE_BPS = 100;
/** Refs an AGREEMENTS_DROPPED message names before it says "and N more": a message stays readable. */
const NAMED_REFS = 20;
/**
 * Warnings a receipt lists; past it one MORE_WARNINGS says how many were left out. They are kept
 * with the report and sent with every listing of it: a valid report of 100,000 rows each worth a
 * warning would otherwise make every GET /reports page carry megabytes the reporter chose.
 */
export const LISTED_WARNINGS = 1000;

/** The version of the same month that a new report replaces, with its agreements' refs. */
export interface ReplacedVersion {
  version: number;
  agreementRefs: readonly string[];
}

/** Rows of a report that passed their own checks, with where each stands in the file (its index in links or agreements). */
export interface CheckedRows {
  links: readonly Link[];
  linkAt: (i: number) => number;
  agreements: readonly Agreement[];
  agreementAt: (i: number) => number;
}

/**
 * What each row says by itself (a since date after the period, a high fee, an expired agreement):
 * of a valid report, and of a refused one's well-formed rows, so that its submitter sees the
 * warnings beside the errors instead of after fixing them.
 */
export function rowWarnings(period: string, rows: CheckedRows): ProblemItem[] {
  const warnings: ProblemItem[] = [];
  const periodEnd = lastDayOf(period);
  const periodStart = `${period}-01`;
  rows.links.forEach((l, i) => {
    if (l.since > periodEnd) {
      warnings.push({
        code: 'SINCE_AFTER_PERIOD',
        message: `since ${l.since} is after the end of ${period}`,
        messageZh: `since ${l.since} 晚于 ${period} 的最后一天`,
        path: jsonPath(['links', rows.linkAt(i), 'since']),
      });
    }
  });
  rows.agreements.forEach((a, i) => {
    const at = rows.agreementAt(i);
    if (a.feeBps !== null && a.feeBps > HIGH_FEE_BPS) {
      warnings.push({
        code: 'HIGH_FEE',
        message: `a fee of ${a.feeBps} bps is unusually high`,
        messageZh: `${a.feeBps} 个基点的费率异常偏高`,
        path: jsonPath(['agreements', at, 'feeBps']),
      });
    }
    if (a.expires !== null && a.expires < periodStart) {
      const ref = quotedText(a.ref);
      warnings.push({
        code: 'AGREEMENT_EXPIRED',
        message: `agreement ${ref} expired on ${a.expires}, before ${period}`,
        messageZh: `协议 ${ref} 已于 ${a.expires} 到期，早于 ${period}`,
        path: jsonPath(['agreements', at, 'expires']),
      });
    }
  });
  return warnings;
}

const same = (i: number) => i;

/**
 * previousLinks: the links of the institution's previous report (an earlier period), if any;
 * replaced: the latest version of the same period, if this report is a new version of it.
 */
export function reportWarnings(report: Report, previousLinks: readonly Link[], replaced?: ReplacedVersion): ProblemItem[] {
  return withinListedWarnings(allReportWarnings(report, previousLinks, replaced));
}

function withinListedWarnings(warnings: ProblemItem[]): ProblemItem[] {
  if (warnings.length <= LISTED_WARNINGS) return warnings;
  const more = warnings.length - LISTED_WARNINGS;
  return [
    ...warnings.slice(0, LISTED_WARNINGS),
    {
      code: 'MORE_WARNINGS',
      message: `${more} more warnings of the kinds above are not listed`,
      messageZh: `另有 ${more} 条同类警告未列出`,
    },
  ];
}

function allReportWarnings(report: Report, previousLinks: readonly Link[], replaced?: ReplacedVersion): ProblemItem[] {
  // Dropped agreements first: the one warning about a whole file must not be cut off by row warnings.
  const warnings = replaced ? droppedAgreements(report, replaced) : [];
  warnings.push(...rowWarnings(report.period, { links: report.links, linkAt: same, agreements: report.agreements, agreementAt: same }));
  const live = previousLinks.filter((old) => old.status === 'live');
  if (live.length === 0) return warnings;
  const declared = linkIndexOf(report.links);
  for (const old of live) {
    // A city link now declared for every city (*) is not dropped.
    if (declared.rowOf(old) !== undefined || declared.starRowOf(old) !== undefined) continue;
    // Nor is a * link now declared city by city.
    if (old.city === '*' && declared.hasPair(old)) continue;
    warnings.push({
      code: 'LINK_DROPPED',
      message: `${old.scanner} → ${old.issuer} (${old.mode}, ${old.channel}, city ${old.city}) was live in the previous report and is missing now; mark it suspended if it was withdrawn`,
      messageZh: `${old.scanner} → ${old.issuer}（${termZh(MODE_ZH, old.mode)}，${termZh(CHANNEL_ZH, old.channel)}，城市 ${old.city}）在上一份报告中为运行状态，本期已缺失；如已撤回，请标为暂停（suspended）`,
    });
  }
  return warnings;
}

/**
 * Agreements of the replaced version missing from the new one, matched by ref: a version sent with
 * only its links file (by a second click or a partial resend) would otherwise drop them silently.
 */
function droppedAgreements(report: Report, replaced: ReplacedVersion): ProblemItem[] {
  const kept = new Set(report.agreements.map((a) => a.ref));
  const dropped = [...new Set(replaced.agreementRefs)].filter((ref) => !kept.has(ref));
  if (dropped.length === 0) return [];
  // Quoted: a ref is the reporter's text, and a receipt (PDF included) prints these lines as the system's.
  const quoted = dropped.slice(0, NAMED_REFS).map(quotedText);
  const more = dropped.length - NAMED_REFS;
  const named = quoted.join(', ') + (more > 0 ? ` and ${more} more` : '');
  const namedZh = quoted.join('、') + (more > 0 ? ` 等（另有 ${more} 份）` : '');
  const count = dropped.length === 1 ? '1 agreement' : `${dropped.length} agreements`;
  return [
    {
      code: 'AGREEMENTS_DROPPED',
      message: `${count} of version ${replaced.version} of ${report.period} ${dropped.length === 1 ? 'is' : 'are'} missing from this version: ${named}; send the agreements file again if they still hold`,
      messageZh: `${report.period} 第 ${replaced.version} 版中的 ${dropped.length} 份协议在本版中缺失：${namedZh}；如仍有效，请重新发送协议文件`,
    },
  ];
}
