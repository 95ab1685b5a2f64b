// Fingerprints of per-city hits, made once a run and handed out again. The link rules of a national
// run fire ~450,000 times over 60 months on ~25,000 fingerprints; a fresh string for each hit had
// to be built, and then flattened and hashed where the engine looks its outcome up, every run.
import { scopeKey, type AgreementInForce, type Channel, type Mode } from '../state/period-state.js';

/**
 * `${prefix}|${reporter}|${ref}|${counterparty}`, the fingerprint of an agreement rule's finding. The
 * counterparty is part of it: a reporter that reuses a ref for another counterparty has made another
 * agreement, whose finding must name that counterparty, not move the first one's to it. (A
 * counterparty is a slug, without '|': the last part is always the counterparty, whatever the ref.)
 */
export function agreementFingerprint(prefix: string, a: Pick<AgreementInForce, 'reporter' | 'ref' | 'counterparty'>): string {
  return `${prefix}|${a.reporter}|${a.ref}|${a.counterparty}`;
}

export class CityFingerprints {
  private readonly made = new Map<string, Map<string, Map<string, string>>>();

  /** `${prefix}|${city}|${mode}|${channel}`, the same string each time. */
  of(prefix: string, city: string, mode: Mode, channel: Channel): string {
    let byCity = this.made.get(prefix);
    if (!byCity) this.made.set(prefix, (byCity = new Map<string, Map<string, string>>()));
    let byScope = byCity.get(city);
    if (!byScope) byCity.set(city, (byScope = new Map<string, string>()));
    const scope = scopeKey(mode, channel);
    let fingerprint = byScope.get(scope);
    if (fingerprint === undefined) byScope.set(scope, (fingerprint = `${prefix}|${city}|${scope}`));
    return fingerprint;
  }
}
