// Fingerprints of per-city hits, made once a run and handed out again. The link rules of a national
// run fire ~450,000 times over 60 months on ~25,000 fingerprints; a fresh string for each hit had
// to be built, and then flattened and hashed where the engine looks its outcome up (0.65 s a run).
import { scopeKey, type Channel, type Mode } from '../state/period-state.js';

export class CityFingerprints {
  private readonly made = new Map<string, Map<string, Map<string, string>>>();

  /** `${prefix}|${city}|${mode}|${channel}`, the same string each time. */
  of(prefix: string, city: string, mode: Mode, channel: Channel): string {
    let byCity = this.made.get(prefix);
    if (!byCity) this.made.set(prefix, (byCity = new Map()));
    let byScope = byCity.get(city);
    if (!byScope) byCity.set(city, (byScope = new Map()));
    const scope = scopeKey(mode, channel);
    let fingerprint = byScope.get(scope);
    if (fingerprint === undefined) byScope.set(scope, (fingerprint = `${prefix}|${city}|${scope}`));
    return fingerprint;
  }
}
