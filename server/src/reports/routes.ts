// POST /reports (JSON or multipart CSV), GET /reports, /reports/:id, /reports/:id/receipt, /periods.
import { Router, type Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppContext } from '../app-context.js';
import { type Receipt, receiptQuery, reportListQuery, submitQuery } from '../contract/reports.js';
import type { Db } from '../db/database.js';
import { BadRequest, TooManyRequests } from '../domain/errors.js';
import { idParam } from '../http/id-param.js';
import { principalOf } from '../http/principal.js';
import { answerLanguage, withWarningsIn } from '../http/request-language.js';
import { acceptedPeriods } from '../state/accepted-periods.js';
import { parseInput } from '../http/validate.js';
import { admitSubmission } from './admit-submission.js';
import { csvReport } from './csv-report.js';
import { fingerprint, idempotent, replayedFailure } from './idempotency.js';
import { listReports, reportAgreements, reportedPeriods, reportLinks, toSummary } from './repository.js';
import { printableReceipt, receiptOf, submitReport, visibleReport, type SubmitOptions } from './service.js';
import { submitterOf } from './submission-gate.js';

interface Submission {
  body: unknown;
  options: SubmitOptions;
  /** What the Idempotency-Key fingerprint hashes; written out only when a key is sent. */
  hashParts: () => (string | Uint8Array)[];
}

/** Reads either body form into the JSON report shape, remembering CSV rows for the errors. */
function readSubmission(req: Request): Submission {
  if (!req.is('multipart/form-data')) {
    if (!req.is('application/json'))
      throw new BadRequest(
        {
          en: 'Send the report as application/json or multipart/form-data.',
          zh: '请以 application/json 或 multipart/form-data 发送报告。',
        },
        undefined,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    return { body: req.body, options: {}, hashParts: () => ['json', JSON.stringify(req.body ?? null)] };
  }
  const files = (req.files ?? {}) as Record<string, Express.Multer.File[]>;
  const fields = (req.body ?? {}) as Record<string, string>;
  const links = files.links?.[0];
  if (!links) {
    const missing = { code: 'REQUIRED', message: 'the links CSV file is required', messageZh: '必须提供 links CSV 文件', column: 'links' };
    return {
      body: { institution: fields.institution, period: fields.period, links: [] },
      options: { preErrors: [missing] },
      hashParts: () => ['missing'],
    };
  }
  const agreements = files.agreements?.[0];
  const csv = csvReport({ institution: fields.institution, period: fields.period }, links.buffer, agreements?.buffer);
  return {
    body: csv.body,
    options: { preErrors: csv.errors, locate: csv.locate },
    hashParts: () => ['csv', fields.institution ?? '', fields.period ?? '', links.buffer, agreements?.buffer ?? ''],
  };
}

export function reportRoutes(ctx: AppContext): Router {
  const router = Router();

  // Counted per institution (its users and keys together; an admin per user), before the body is read.
  const submissionLimiter = rateLimit({
    windowMs: 60_000,
    limit: ctx.config.SUBMISSIONS_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => (req.principal ? submitterOf(req.principal) : `address:${ipKeyGenerator(req.ip ?? '')}`),
    handler: (_req, _res, next) =>
      next(
        new TooManyRequests(
          {
            en: `More than ${ctx.config.SUBMISSIONS_PER_MINUTE} submissions in a minute; wait a minute before sending more.`,
            zh: `一分钟内提交超过 ${ctx.config.SUBMISSIONS_PER_MINUTE} 次；请等一分钟再发送。`,
          },
          60,
        ),
      ),
  });

  // admitSubmission authorizes, admits (one at a time per institution, bytes per minute) and reads the body.
  router.post(
    '/reports',
    submissionLimiter,
    admitSubmission(ctx, async (req, res) => {
      const principal = principalOf(req);
      const { dryRun } = parseInput(submitQuery, req.query);
      const submission = readSubmission(req);
      const key = req.get('idempotency-key');
      const answerOf = (receipt: Receipt) => ({ status: receipt.id === null ? 200 : 201, body: receipt });
      const outcome = await idempotent(
        ctx,
        principal.username,
        key,
        () => fingerprint([dryRun ?? 'false', ...submission.hashParts()]),
        async (recordWithin) => {
          const withinCommit = recordWithin && ((trx: Db, receipt: Receipt) => recordWithin(trx, answerOf(receipt)));
          return answerOf(
            await submitReport(ctx, principal, submission.body, { ...submission.options, dryRun: dryRun === 'true', withinCommit }),
          );
        },
      );
      const failure = replayedFailure(outcome);
      if (failure) throw failure;
      if (outcome.replayed) res.set('Idempotent-Replayed', 'true');
      const id = (outcome.body as { id: number | null }).id;
      if (id !== null) res.location(`/api/v1/reports/${id}`);
      res.status(outcome.status).json(withWarningsIn(outcome.body as Receipt, answerLanguage(req, res)));
    }),
  );

  router.get('/reports', async (req, res) => {
    const principal = principalOf(req);
    const query = parseInput(reportListQuery, req.query);
    if (principal.role === 'institution' && query.institution && query.institution !== principal.institution) {
      res.json({ items: [], total: 0 });
      return;
    }
    const institution = principal.role === 'institution' ? (principal.institution ?? '') : query.institution;
    const listed = await listReports(ctx.db, { ...query, institution });
    const language = answerLanguage(req, res);
    res.json({ ...listed, items: listed.items.map((item) => withWarningsIn(item, language)) });
  });

  router.get('/reports/:id', async (req, res) => {
    const row = await visibleReport(ctx, principalOf(req), idParam(req.params.id));
    const [links, agreements] = await Promise.all([reportLinks(ctx.db, row.id), reportAgreements(ctx.db, row.id)]);
    res.json({ ...withWarningsIn(toSummary(row), answerLanguage(req, res)), links, agreements });
  });

  router.get('/reports/:id/receipt', async (req, res) => {
    const principal = principalOf(req);
    const { format } = parseInput(receiptQuery, req.query);
    const row = await visibleReport(ctx, principal, idParam(req.params.id));
    if (format !== 'pdf') {
      res.json(withWarningsIn(receiptOf(row), answerLanguage(req, res)));
      return;
    }
    // Drawing one takes about a second of CPU (the Chinese font's subset): a budget, not a free loop.
    const wait = ctx.receiptPdfRate.take(principal.institution ?? `user:${principal.username}`, ctx.now());
    if (wait > 0)
      throw new TooManyRequests(
        {
          en: `More than ${ctx.config.RECEIPT_PDFS_PER_HOUR} printable receipts in an hour; the JSON receipt is not limited.`,
          zh: `一小时内打印版回执超过 ${ctx.config.RECEIPT_PDFS_PER_HOUR} 份；JSON 回执不受限制。`,
        },
        wait,
        'RECEIPT_PDF_RATE_LIMITED',
      );
    const pdf = await printableReceipt(ctx, row);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${pdf.filename}"`);
    res.setHeader('X-Content-SHA256', pdf.sha256);
    res.send(pdf.bytes);
  });

  router.get('/periods', async (req, res) => {
    principalOf(req);
    res.json({ items: await reportedPeriods(ctx.db, acceptedPeriods(ctx)) });
  });

  return router;
}
