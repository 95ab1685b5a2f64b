// A refused report answered for the person who reads it: in the request's language, naming the
// allowed values, the nearest known id, the file row a duplicate repeats, and the warnings beside
// the errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { aLink, aReport } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
let alipay: ApiClient;
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
  alipay = await app.as('alipay');
});
afterAll(() => app.close());

const HEADER = 'scanner,issuer,mode,channel,city,status,since';
const CHINESE = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };

function form(fields: Record<string, string>, files: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  for (const [k, v] of Object.entries(files)) data.append(k, new Blob([v]), `${k}.csv`);
  return data;
}

describe('the language of a refused report', () => {
  const badMode = aReport({ period: '2021-06', links: [aLink({ mode: 'qr' as never })] });

  it('when Accept-Language prefers Chinese, answers the title, detail and every message in Chinese, varying by Accept-Language', async () => {
    const res = await alipay.post('/api/v1/reports?dryRun=true', badMode, CHINESE);
    expect(res.status).toBe(422);
    expect(res.headers.get('vary')).toMatch(/accept-language/i);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', title: '校验未通过', detail: '发现 1 个问题，未保存任何内容。' });
    expect(res.body.errors).toEqual([
      { code: 'BAD_VALUE', message: '应为以下之一：mpm（商户码）、cpm（付款码）', path: '$.links[0].mode' },
    ]);
  });

  it('weighs q-values and language ranges: zh-Hans or a preferred zh is Chinese, anything else English', async () => {
    const detailFor = async (header: string) =>
      (await alipay.post('/api/v1/reports?dryRun=true', badMode, { 'accept-language': header })).body.detail;
    expect(await detailFor('zh-Hans')).toBe('发现 1 个问题，未保存任何内容。');
    expect(await detailFor('en;q=0.5, zh-TW;q=0.9')).toBe('发现 1 个问题，未保存任何内容。');
    expect(await detailFor('zh;q=0.4, en;q=0.8')).toBe('1 problem found; nothing was stored.');
    expect(await detailFor('fr-FR')).toBe('1 problem found; nothing was stored.');
  });

  it('in English, names the allowed values of a mode, a channel and a status', async () => {
    const report = aReport({ period: '2021-06', links: [aLink({ mode: 'qr' as never, channel: 'web' as never, status: 'on' as never })] });
    const res = await alipay.post('/api/v1/reports?dryRun=true', report);
    expect(res.body.errors.map((e: { message: string }) => e.message)).toEqual([
      'must be one of mpm, cpm',
      'must be one of offline, online',
      'must be one of live, pilot, planned, suspended',
    ]);
  });

  it('words a CSV file’s problems in Chinese with their row and column', async () => {
    const csv = `${HEADER}\nalipay,unionpay,qr,offline,110000,live,2021-01-01\n`;
    const res = await alipay.postForm(
      '/api/v1/reports?dryRun=true',
      form({ institution: 'alipay', period: '2021-06' }, { links: csv }),
      CHINESE,
    );
    expect(res.body.errors).toEqual([
      { code: 'BAD_VALUE', message: 'links 文件：应为以下之一：mpm（商户码）、cpm（付款码）', row: 2, column: 'mode' },
    ]);
  });

  it('answers an input error of another route in Chinese too: an unknown sort of the findings list', async () => {
    const analyst = await app.as('analyst');
    const res = await analyst.get('/api/v1/findings?sort=bogus', CHINESE);
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'BAD_SORT', path: '$.sort' });
    expect(res.body.errors[0].message).toMatch(/^应为以下之一：/);
  });

  it('answers a domain error in Chinese: a report that does not exist', async () => {
    const res = await alipay.get('/api/v1/reports/999999', CHINESE);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', title: '未找到', detail: '没有报告 999999。' });
  });
});

describe('unknown ids', () => {
  it('suggests the nearest known institution and city, in both languages, and nothing for an id far from every known one', async () => {
    const report = aReport({
      period: '2021-06',
      links: [aLink({ issuer: 'unionpy', city: '110009' }), aLink({ issuer: 'zzzzzzzz-bank' })],
    });
    const english = await alipay.post('/api/v1/reports?dryRun=true', report);
    expect(english.body.errors).toEqual([
      { code: 'UNKNOWN_INSTITUTION', message: 'no institution "unionpy"; did you mean unionpay?', path: '$.links[0].issuer' },
      { code: 'UNKNOWN_CITY', message: 'no prefecture-level city "110009"; did you mean 110000?', path: '$.links[0].city' },
      { code: 'UNKNOWN_INSTITUTION', message: 'no institution "zzzzzzzz-bank"', path: '$.links[1].issuer' },
    ]);
    const chinese = await alipay.post('/api/v1/reports?dryRun=true', report, CHINESE);
    expect(chinese.body.errors.map((e: { message: string }) => e.message)).toEqual([
      '没有机构 "unionpy"；您是否指 unionpay？',
      '没有地级市 "110009"；您是否指 110000？',
      '没有机构 "zzzzzzzz-bank"',
    ]);
  });
});

describe('an unknown city in a query', () => {
  it('suggests the nearest known city on the matrix and the coverage, in both languages', async () => {
    const analyst = await app.as('analyst');
    const matrix = await analyst.get('/api/v1/matrix?city=110009&period=2021-06', CHINESE);
    expect(matrix.status).toBe(422);
    expect(matrix.body.errors).toEqual([{ code: 'UNKNOWN_CITY', message: '没有地级市 "110009"；您是否指 110000？', path: '$.city' }]);
    const coverage = await analyst.get('/api/v1/coverage?by=city&city=110009');
    expect(coverage.body.errors).toEqual([
      { code: 'UNKNOWN_CITY', message: 'no prefecture-level city or province "110009"; did you mean 110000?', path: '$.city' },
    ]);
  });
});

describe('a duplicate row', () => {
  it('in a CSV file, is named by its row and by the row it repeats (1 = header)', async () => {
    const row = 'alipay,unionpay,mpm,offline,110000,live,2021-01-01';
    const csv = `${HEADER}\n${row}\nalipay,tenpay,mpm,offline,110000,live,2021-01-01\n${row}\n`;
    const sent = form({ institution: 'alipay', period: '2021-06' }, { links: csv });
    const english = await alipay.postForm('/api/v1/reports?dryRun=true', sent);
    expect(english.body.errors).toEqual([{ code: 'DUPLICATE_LINK', message: 'links: the same link as row 2', row: 4 }]);
    const chinese = await alipay.postForm('/api/v1/reports?dryRun=true', sent, CHINESE);
    expect(chinese.body.errors).toEqual([{ code: 'DUPLICATE_LINK', message: 'links 文件：与第 2 行是同一条链接', row: 4 }]);
  });

  it('in JSON, is named by its path and the path of the row it repeats', async () => {
    const report = aReport({ period: '2021-06', links: [aLink(), aLink({ issuer: 'tenpay' }), aLink()] });
    const chinese = await alipay.post('/api/v1/reports?dryRun=true', report, CHINESE);
    expect(chinese.body.errors).toEqual([{ code: 'DUPLICATE_LINK', message: '与 links[0] 是同一条链接', path: '$.links[2]' }]);
  });
});

describe('warnings beside errors', () => {
  it('a refused JSON report lists the warnings its well-formed rows show, in the same form as the errors', async () => {
    const report = aReport({
      period: '2021-06',
      links: [aLink({ issuer: 'nobody-at-all' }), aLink({ issuer: 'tenpay', since: '2021-09-01' })],
    });
    const res = await alipay.post('/api/v1/reports?dryRun=true', report);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_INSTITUTION']);
    expect(res.body.warnings).toEqual([
      { code: 'SINCE_AFTER_PERIOD', message: 'since 2021-09-01 is after the end of 2021-06', path: '$.links[1].since' },
    ]);
  });

  it('a refused CSV report lists them by row and column, in Chinese when asked', async () => {
    const csv = `${HEADER}\nalipay,nobody-at-all,mpm,offline,110000,live,2021-01-01\nalipay,tenpay,mpm,offline,110000,live,2021-09-01\n`;
    const res = await alipay.postForm('/api/v1/reports', form({ institution: 'alipay', period: '2021-06' }, { links: csv }), CHINESE);
    expect(res.status).toBe(422);
    expect(res.body.warnings).toEqual([
      { code: 'SINCE_AFTER_PERIOD', message: 'links 文件：since 2021-09-01 晚于 2021-06 的最后一天', row: 3, column: 'since' },
    ]);
  });
});

describe('a receipt’s warnings', () => {
  it('are worded in the language of each request that reads them', async () => {
    const report = aReport({ period: '2021-05', links: [aLink({ since: '2021-08-01' })] });
    const created = await alipay.post('/api/v1/reports', report, CHINESE);
    expect(created.status).toBe(201);
    expect(created.body.warnings).toEqual([
      { code: 'SINCE_AFTER_PERIOD', message: 'since 2021-08-01 晚于 2021-05 的最后一天', path: '$.links[0].since' },
    ]);
    const english = await alipay.get(`/api/v1/reports/${created.body.id}/receipt`);
    expect(english.body.warnings).toEqual([
      { code: 'SINCE_AFTER_PERIOD', message: 'since 2021-08-01 is after the end of 2021-05', path: '$.links[0].since' },
    ]);
    const chinese = await alipay.get(`/api/v1/reports/${created.body.id}`, CHINESE);
    expect(chinese.headers.get('vary')).toMatch(/accept-language/i);
    expect(chinese.body.warnings[0].message).toBe('since 2021-08-01 晚于 2021-05 的最后一天');
  });
});

describe('the OpenAPI document', () => {
  it('documents Accept-Language on every operation, the warnings of a 422 and the Chinese of history notes', async () => {
    const doc = (await (await app.as()).get('/api/v1/openapi.json')).body;
    for (const [path, operations] of Object.entries(
      doc.paths as Record<string, Record<string, { parameters: { name: string; in: string }[] }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.parameters, `${method} ${path}`).toContainEqual(
          expect.objectContaining({ name: 'Accept-Language', in: 'header' }),
        );
      }
    }
    expect(Object.keys(doc.components.schemas.Problem.properties)).toContain('warnings');
    expect(doc.paths['/api/v1/reports'].post.responses['422'].description).toMatch(/warnings/);
    const finding = doc.paths['/api/v1/findings/{id}'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(finding.properties.history.items.properties)).toContain('noteZh');
  });
});
