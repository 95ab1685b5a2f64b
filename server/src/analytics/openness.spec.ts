import { describe, expect, it } from 'vitest';
import type { LinkStatus } from '../state/reconcile.js';
import { meanShare, opennessIn } from './openness.js';

const link = (scanner: string, issuer: string, status: LinkStatus = 'live') => ({ scanner, issuer, status });
const ACTIVE = new Set(['alipay', 'tenpay', 'unionpay', 'icbc', 'cmb']);

describe('openness of an institution in a city', () => {
  it('counts the other present issuers whose codes it recognises, and the other present scanners that recognise its codes', () => {
    const links = [
      link('alipay', 'alipay'),
      link('tenpay', 'tenpay'),
      link('unionpay', 'unionpay'),
      link('alipay', 'unionpay'),
      link('unionpay', 'alipay'),
      link('icbc', 'alipay'),
    ];
    const figure = opennessIn(links, 'alipay', ACTIVE);
    // Other issuers present: tenpay, unionpay; alipay recognises unionpay's.
    expect(figure.recognises).toEqual({ share: 1 / 2, count: 1, of: 2 });
    // Other scanners present: tenpay, unionpay, icbc; unionpay and icbc recognise alipay's codes.
    expect(figure.recognisedBy).toEqual({ share: 2 / 3, count: 2, of: 3 });
    expect(figure.present).toBe(true);
  });

  it('reads presence and recognition from live links only', () => {
    const figure = opennessIn(
      [link('alipay', 'alipay'), link('alipay', 'tenpay', 'pilot'), link('tenpay', 'alipay', 'suspended')],
      'alipay',
      ACTIVE,
    );
    expect(figure.recognises).toEqual({ share: null, count: 0, of: 0 });
    expect(figure.recognisedBy).toEqual({ share: null, count: 0, of: 0 });
  });

  it('leaves inactive institutions out of the others', () => {
    const figure = opennessIn(
      [link('alipay', 'unionpay'), link('unionpay', 'unionpay'), link('closed-bank', 'closed-bank')],
      'alipay',
      ACTIVE,
    );
    expect(figure.recognises).toEqual({ share: 1, count: 1, of: 1 });
  });

  it('is not present where it takes part in no live link', () => {
    expect(opennessIn([link('tenpay', 'unionpay'), link('alipay', 'tenpay', 'planned')], 'alipay', ACTIVE).present).toBe(false);
  });
});

describe('openness over cities', () => {
  it('is the mean of the cities’ shares, each city weighted equally, with counts summed', () => {
    expect(
      meanShare([
        { share: { share: 1, count: 2, of: 2 }, cities: 1 },
        { share: { share: 0, count: 0, of: 2 }, cities: 3 },
        { share: { share: null, count: 0, of: 0 }, cities: 10 },
      ]),
    ).toEqual({
      share: 0.25,
      count: 2,
      of: 8,
    });
  });
});
