// Limits on login attempts: per address and account, per address over every account, and per account
// over every address (many addresses guessing one password). Lives in AppContext.
import type { AppContext } from '../app-context.js';
import { loginsSince } from '../audit/repository.js';
import { TooManyRequests } from '../domain/errors.js';
import { RateCounter } from '../domain/rate-counter.js';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** One address guessing one account. */
export const ADDRESS_ACCOUNT_FAILURES_ALLOWED = 5;
/** Per address over every username: stops one client from guessing across accounts or filling the audit trail. */
export const ADDRESS_FAILURES_ALLOWED = 50;
/** Per account over every address: a botnet gets as many guesses at one password as four addresses would. */
export const ACCOUNT_FAILURES_ALLOWED = 20;
/** How long an address keeps its standing with an account after logging into it. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_KNOWN_ADDRESSES = 100_000;

export class LoginThrottle {
  private readonly byAddressAndAccount = new RateCounter(ADDRESS_ACCOUNT_FAILURES_ALLOWED, LOGIN_WINDOW_MS);
  private readonly byAddress = new RateCounter(ADDRESS_FAILURES_ALLOWED, LOGIN_WINDOW_MS);
  private readonly byAccount = new RateCounter(ACCOUNT_FAILURES_ALLOWED, LOGIN_WINDOW_MS);
  /**
   * `account|address` → when that address last logged into the account. Such an address is not held
   * by the per-account limit, so that an attacker guessing from elsewhere cannot keep the real user
   * out; it still meets the per-address limits. Oldest first, at most MAX_KNOWN_ADDRESSES.
   */
  private readonly knownAddresses = new Map<string, number>();

  /**
   * Counts an attempt before the password is checked (parallel guesses all count), or throws 429
   * when a limit is reached. `address` is the client address as the server trusts it.
   */
  begin(username: string, address: string, now: Date): void {
    const account = username.toLowerCase();
    const pair = `${address}|${account}`;
    const waits = [
      {
        wait: this.byAddress.waitSeconds(address, now),
        detail: { en: 'Too many failed logins from this address', zh: '此地址登录失败次数过多' },
      },
      { wait: this.byAddressAndAccount.waitSeconds(pair, now), detail: { en: 'Too many failed logins', zh: '登录失败次数过多' } },
      {
        wait: this.isKnown(account, address, now) ? 0 : this.byAccount.waitSeconds(account, now),
        detail: { en: 'Too many failed logins for this account', zh: '此账户登录失败次数过多' },
      },
    ];
    const refusal = waits.find((w) => w.wait > 0);
    if (refusal)
      throw new TooManyRequests(
        {
          en: `${refusal.detail.en}; try again in ${Math.ceil(refusal.wait / 60)} minutes.`,
          zh: `${refusal.detail.zh}；请在 ${Math.ceil(refusal.wait / 60)} 分钟后再试。`,
        },
        refusal.wait,
      );
    this.byAddress.add(address, now);
    this.byAddressAndAccount.add(pair, now);
    this.byAccount.add(account, now);
  }

  /** Takes back an attempt whose password was never judged (the server failed), as if it had not been made. */
  withdraw(username: string, address: string, now: Date): void {
    const account = username.toLowerCase();
    this.byAddress.remove(address, now);
    this.byAddressAndAccount.remove(`${address}|${account}`, now);
    this.byAccount.remove(account, now);
  }

  /** A successful login does not count against any limit, and the address becomes known to the account. */
  succeeded(username: string, address: string, now: Date): void {
    this.withdraw(username, address, now);
    this.remember(username, address, now);
  }

  /** An address that logged into the account at `at` (a login now, or one the audit trail holds, read at start-up). */
  remember(username: string, address: string, at: Date, now = at): void {
    const account = username.toLowerCase();
    const key = `${account}|${address}`;
    this.knownAddresses.delete(key);
    this.knownAddresses.set(key, at.getTime());
    for (const [oldest, seen] of this.knownAddresses) {
      if (this.knownAddresses.size <= MAX_KNOWN_ADDRESSES && seen + KNOWN_ADDRESS_MS > now.getTime()) break;
      this.knownAddresses.delete(oldest);
    }
  }

  private isKnown(account: string, address: string, now: Date): boolean {
    const at = this.knownAddresses.get(`${account}|${address}`);
    return at !== undefined && at + KNOWN_ADDRESS_MS > now.getTime();
  }
}

/**
 * Makes the addresses the audit trail shows logging into each account in the last 30 days known
 * again, at start-up: otherwise a restart would let twenty guesses from anywhere lock every user out.
 */
export async function rememberRecentLogins(ctx: AppContext): Promise<void> {
  const now = ctx.now();
  for (const login of await loginsSince(ctx.db, new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString())) {
    const ip = (JSON.parse(login.details) as { ip?: unknown }).ip;
    if (typeof ip === 'string') ctx.loginThrottle.remember(login.actor, ip, new Date(login.at), now);
  }
}
