import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
});
afterAll(() => app.close());

const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe('a new version of a month that drops agreements', () => {
  it('when only the links file is sent again, warns AGREEMENTS_DROPPED naming how many and which refs, stores the version and keeps the warning with it', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, aReport({ period: '2021-01', agreements: [anAgreement({ ref: 'AG-7' }), anAgreement({ ref: 'AG-9' })] }));
    const form = new FormData();
    form.append('institution', 'alipay');
    form.append('period', '2021-01');
    form.append(
      'links',
      new Blob(['scanner,issuer,mode,channel,city,status,since\nalipay,unionpay,mpm,offline,110000,live,2021-01-01\n']),
      'links.csv',
    );
    const res = await alipay.postForm('/api/v1/reports', form);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 2, counts: { agreements: 0 } });
    expect(res.body.warnings).toEqual([
      {
        code: 'AGREEMENTS_DROPPED',
        message:
          '2 agreements of version 1 of 2021-01 are missing from this version: "AG-7", "AG-9"; send the agreements file again if they still hold',
      },
    ]);
    expect((await alipay.get(`/api/v1/reports/${res.body.id}`)).body.warnings).toEqual(res.body.warnings);
    expect((await alipay.get(`/api/v1/reports/${res.body.id}/receipt`)).body.warnings).toEqual(res.body.warnings);
  });

  it('does not warn when the new version keeps every agreement (and adds one), nor when another month has none', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, aReport({ period: '2021-02', agreements: [anAgreement({ ref: 'AG-7' })] }));
    const kept = await submitted(
      alipay,
      aReport({ period: '2021-02', agreements: [anAgreement({ ref: 'AG-7', feeBps: 12 }), anAgreement({ ref: 'AG-8' })] }),
    );
    expect(kept.version).toBe(2);
    expect(codes(kept.warnings)).not.toContain('AGREEMENTS_DROPPED');
    const nextMonth = await submitted(alipay, aReport({ period: '2021-03', agreements: [] }));
    expect(codes(nextMonth.warnings)).not.toContain('AGREEMENTS_DROPPED');
  });

  it('names one dropped agreement of several kept, against the latest version only', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, aReport({ period: '2021-04', agreements: [anAgreement({ ref: 'OLD' })] }));
    await submitted(alipay, aReport({ period: '2021-04', agreements: [anAgreement({ ref: 'AG-1' }), anAgreement({ ref: 'AG-2' })] }));
    const third = await submitted(alipay, aReport({ period: '2021-04', agreements: [anAgreement({ ref: 'AG-2' })] }));
    expect(third.warnings).toEqual([
      {
        code: 'AGREEMENTS_DROPPED',
        message:
          '1 agreement of version 2 of 2021-04 is missing from this version: "AG-1"; send the agreements file again if they still hold',
      },
    ]);
  });
});

/** The text of a PDF, as pdftotext reads it. */
function pdfText(bytes: Buffer): string {
  const file = path.join(os.tmpdir(), `interop-receipt-test-${process.pid}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('the printable receipt (GET /reports/:id/receipt?format=pdf)', () => {
  it('gives every version a PDF naming the institution in English and Chinese, the period, version, time, counts, SHA-256 and warnings, with X-Content-SHA256', async () => {
    const tenpay = await app.as('tenpay');
    const link = aLink({ scanner: 'tenpay', issuer: 'alipay' });
    const first = await submitted(
      tenpay,
      aReport({
        institution: 'tenpay',
        period: '2021-06',
        links: [link],
        agreements: [anAgreement({ ref: 'T-1', counterparty: 'alipay' })],
      }),
    );
    const second = await submitted(
      tenpay,
      aReport({ institution: 'tenpay', period: '2021-06', links: [link, aLink({ scanner: 'tenpay', issuer: 'unionpay' })] }),
    );
    for (const receipt of [first, second]) {
      const res = await tenpay.download(`/api/v1/reports/${receipt.id}/receipt?format=pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="receipt-tenpay-2021-06-v${receipt.version}.pdf"`);
      expect(res.headers.get('x-content-sha256')).toBe(createHash('sha256').update(res.bytes).digest('hex'));
      const text = pdfText(res.bytes);
      expect(text).toContain('WeChat Pay');
      expect(text).toContain('微信支付');
      expect(text).toMatch(/Period · 报告期\s+2021-06/);
      expect(text).toMatch(new RegExp(`Version · 版本\\s+${receipt.version}`));
      expect(text).toContain(receipt.receivedAt);
      expect(text).toContain(receipt.sha256);
      expect(text).toMatch(new RegExp(`Links · 链接\\s+${receipt.counts.links}`));
      expect(text).toMatch(new RegExp(`Warnings · 警告\\s+${receipt.warnings.length}`));
    }
    expect(codes(second.warnings)).toContain('AGREEMENTS_DROPPED');
    expect(pdfText((await tenpay.download(`/api/v1/reports/${second.id}/receipt?format=pdf`)).bytes)).toContain('AGREEMENTS_DROPPED');
  });

  it('answers 404 to another institution, as for the JSON receipt, and the PDF to central bank roles', async () => {
    const cmb = await app.as('cmb');
    const mine = await submitted(cmb, aReport({ institution: 'cmb', period: '2021-07', links: [aLink({ scanner: 'cmb' })] }));
    const alipay = await app.as('alipay');
    const refused = await alipay.download(`/api/v1/reports/${mine.id}/receipt?format=pdf`);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('x-content-sha256')).toBeNull();
    expect((await alipay.get(`/api/v1/reports/${mine.id}/receipt`)).status).toBe(404);
    for (const role of ['analyst', 'auditor', 'admin']) {
      const pdf = await (await app.as(role)).download(`/api/v1/reports/${mine.id}/receipt?format=pdf`);
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    }
  });

  it('when an agreement ref holds a line break made to read as the central bank, the receipt and its PDF quote the ref on the warning line', async () => {
    const cmb = await app.as('cmb');
    const forged = 'X-1\nThe People’s Bank reviewed this report: compliant, no findings';
    const expired = anAgreement({ ref: forged, counterparty: 'alipay', effective: '2020-01-01', expires: '2020-12-31' });
    await submitted(cmb, aReport({ institution: 'cmb', period: '2021-09', links: [aLink({ scanner: 'cmb' })], agreements: [expired] }));
    const second = await submitted(cmb, aReport({ institution: 'cmb', period: '2021-09', links: [aLink({ scanner: 'cmb' })] }));
    expect(codes(second.warnings)).toContain('AGREEMENTS_DROPPED');
    const first = (await cmb.get('/api/v1/reports?period=2021-09')).body.items.find((r: { version: number }) => r.version === 1);
    const firstReceipt = (await cmb.get(`/api/v1/reports/${first.id}/receipt`)).body;
    expect(codes(firstReceipt.warnings)).toContain('AGREEMENT_EXPIRED');
    for (const w of [...firstReceipt.warnings, ...second.warnings]) {
      expect(w.message).not.toContain('\n');
      if (w.code.startsWith('AGREEMENT')) expect(w.message).toContain(JSON.stringify(forged));
    }
    const text = pdfText((await cmb.download(`/api/v1/reports/${second.id}/receipt?format=pdf`)).bytes);
    expect(text).not.toMatch(/^The People’s Bank/m);
  });

  it('answers 422 to a format it does not make', async () => {
    const cmb = await app.as('cmb');
    const mine = await submitted(cmb, aReport({ institution: 'cmb', period: '2021-08', links: [aLink({ scanner: 'cmb' })] }));
    expect((await cmb.get(`/api/v1/reports/${mine.id}/receipt?format=docx`)).status).toBe(422);
  });
});

describe('printable receipts as a budget', () => {
  it('when an institution draws more than RECEIPT_PDFS_PER_HOUR, answers 429 RECEIPT_PDF_RATE_LIMITED with Retry-After, while the JSON receipt still answers', async () => {
    const limited = await startTestApp({ now: new Date('2021-12-20T08:00:00Z'), env: { RECEIPT_PDFS_PER_HOUR: '2' } });
    try {
      const alipay = await limited.as('alipay');
      const { id } = await submitted(alipay, aReport({ period: '2021-01' }));
      for (let i = 0; i < 2; i++) expect((await alipay.download(`/api/v1/reports/${id}/receipt?format=pdf`)).status).toBe(200);
      const refused = await alipay.get(`/api/v1/reports/${id}/receipt?format=pdf`);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RECEIPT_PDF_RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await alipay.get(`/api/v1/reports/${id}/receipt`)).status).toBe(200);
      // Another institution's budget is its own.
      const tenpay = await limited.as('tenpay');
      const theirs = await submitted(
        tenpay,
        aReport({ institution: 'tenpay', period: '2021-01', links: [aLink({ scanner: 'tenpay', issuer: 'alipay' })] }),
      );
      expect((await tenpay.download(`/api/v1/reports/${theirs.id}/receipt?format=pdf`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  }, 60_000);
});
