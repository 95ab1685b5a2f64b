// Events per key in fixed windows: how the server counts failed logins, comments and new API keys.
// One instance per limit lives in AppContext; time comes from the caller, so tests move the clock.

interface Window {
  start: number;
  count: number;
}

/** Keys beyond this are dropped oldest first: a flood of fresh keys costs memory up to here, no more. */
const DEFAULT_MAX_KEYS = 100_000;

export class RateCounter {
  /** In order of each window's start (a new window is re-inserted at the end), so the oldest come first. */
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {}

  /**
   * Seconds until the key is under its limit again, or 0 when it is under it now. A window ends
   * windowMs after its first event whatever happens meanwhile: refusals are not counted, so a key
   * at its limit is never held past the end of its window.
   */
  waitSeconds(key: string, now: Date): number {
    const window = this.liveWindow(key, now.getTime());
    if (!window || window.count < this.limit) return 0;
    return Math.max(1, Math.ceil((window.start + this.windowMs - now.getTime()) / 1000));
  }

  /** Counts one event for the key. */
  add(key: string, now: Date): void {
    const at = now.getTime();
    const window = this.liveWindow(key, at);
    if (window) {
      window.count += 1;
      return;
    }
    this.windows.delete(key);
    this.dropOldest(at);
    this.windows.set(key, { start: at, count: 1 });
  }

  /** Takes back one event of the key's current window (a login that succeeded after all). */
  remove(key: string, now: Date): void {
    const window = this.liveWindow(key, now.getTime());
    if (window && window.count > 0) window.count -= 1;
  }

  /** Counts one event unless the key is at its limit; answers the seconds to wait, 0 when counted. */
  take(key: string, now: Date): number {
    const wait = this.waitSeconds(key, now);
    if (wait === 0) this.add(key, now);
    return wait;
  }

  private liveWindow(key: string, at: number): Window | undefined {
    const window = this.windows.get(key);
    return window && at < window.start + this.windowMs ? window : undefined;
  }

  private dropOldest(at: number): void {
    for (const [key, window] of this.windows) {
      if (this.windows.size < this.maxKeys && at < window.start + this.windowMs) return;
      this.windows.delete(key);
    }
  }
}
