import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { buildCityRegistry, englishName } from './city-registry.js';

describe('the city registry', () => {
  const cities = buildCityRegistry();

  it('holds every prefecture-level city of the mainland, the municipalities under their province code', () => {
    expect(cities.length).toBeGreaterThanOrEqual(330);
    expect(cities.length).toBeLessThanOrEqual(345);
    const byCode = new Map(cities.map((c) => [c.code, c]));
    expect(byCode.get('110000')).toMatchObject({ name: 'Beijing', nameZh: '北京市', province: '110000' });
    expect(byCode.get('500000')).toMatchObject({ name: 'Chongqing', nameZh: '重庆市' });
    expect(byCode.get('440100')).toMatchObject({ name: 'Guangzhou', nameZh: '广州市', provinceName: 'Guangdong' });
    expect(byCode.get('610100')).toMatchObject({ name: "Xi'an", provinceName: 'Shaanxi' });
    expect(byCode.has('110100')).toBe(false);
    expect(cities.some((c) => c.nameZh.includes('直辖'))).toBe(false);
  });

  it('gives every city a six-digit code and unique codes', () => {
    expect(cities.every((c) => /^\d{6}$/.test(c.code))).toBe(true);
    expect(new Set(cities.map((c) => c.code)).size).toBe(cities.length);
  });

  it('romanises names without their administrative suffix', () => {
    expect(englishName('恩施土家族苗族自治州')).toBe('Enshi');
    expect(englishName('阿拉善盟')).toBe('Alashan');
    expect(englishName('山西省')).toBe('Shanxi');
  });
});

describe('reference routes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('lists cities and institutions to any logged-in role, and 401 to nobody', async () => {
    const alipay = await app.as('alipay');
    const cities = await alipay.get('/api/v1/cities');
    expect(cities.status).toBe(200);
    expect(cities.body.items.find((c: { code: string }) => c.code === '330100')).toMatchObject({ name: 'Hangzhou', nameZh: '杭州市' });
    const institutions = await alipay.get('/api/v1/institutions');
    expect(institutions.body.items.find((i: { id: string }) => i.id === 'alipay')).toEqual({
      id: 'alipay',
      name: 'Alipay',
      nameZh: '支付宝',
      kind: 'wallet',
      group: 'ant-group',
      systemic: true,
      active: true,
    });
    expect((await (await app.as()).get('/api/v1/cities')).status).toBe(401);
  });

  it('lets an admin add and change an institution, and nobody else', async () => {
    const admin = await app.as('admin');
    const body = { id: 'jdpay', name: 'JD Pay', nameZh: '京东支付', kind: 'wallet', group: 'jd', systemic: false };
    const created = await admin.post('/api/v1/institutions', body);
    expect(created.status).toBe(201);
    expect(created.body.active).toBe(true);
    expect((await admin.post('/api/v1/institutions', body)).status).toBe(409);
    const changed = await admin.patch('/api/v1/institutions/jdpay', { systemic: true });
    expect(changed.body.systemic).toBe(true);
    expect((await admin.get('/api/v1/institutions/jdpay')).body.systemic).toBe(true);
    const analyst = await app.as('analyst');
    expect((await analyst.patch('/api/v1/institutions/jdpay', { systemic: false })).status).toBe(403);
  });

  it('rejects a bad institution id and kind with their codes', async () => {
    const admin = await app.as('admin');
    const res = await admin.post('/api/v1/institutions', {
      id: 'Bad Id',
      name: 'x',
      nameZh: 'x',
      kind: 'casino',
      group: 'g1',
      systemic: false,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['BAD_SLUG', 'BAD_VALUE']);
  });
});
