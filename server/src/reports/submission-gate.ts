// Admits one report submission at a time per submitter and counts the bytes each sends in a
// minute. A submission's cost is its size, not its count: a few concurrent large dry runs from one
// institution would hold the server for minutes. Lives in AppContext (the state is the server's own).
import { PayloadTooLarge, TooManyRequests } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { sizeLabel } from '../text/size-label.js';

const WINDOW_MS = 60_000;
/** What a refused second submission is told to wait: a large report takes seconds, not minutes. */
export const IN_PROGRESS_RETRY_SECONDS = 5;

/** Who a submission counts against: an institution, its users and keys together; an admin by name. */
export function submitterOf(principal: Principal): string {
  return principal.institution ?? `user:${principal.username}`;
}

interface ByteWindow {
  startedAt: number;
  bytes: number;
}

export class SubmissionGate {
  private readonly inProgress = new Set<string>();
  private readonly windows = new Map<string, ByteWindow>();

  /** `clock` in milliseconds, monotonic: the app's `now` may be fixed (tests, bulk loads). */
  constructor(
    private readonly bytesPerMinute: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * Runs `submit` if the submitter has no submission in progress and bytes left this minute,
   * else answers 429 without it. `submit` calls `charge` with the bytes it reads; a body declared
   * larger than what is left is refused before it is read. One body may overshoot the minute's
   * budget (one without Content-Length, or compressed): the next is refused.
   */
  async admit<T>(
    submitter: string,
    declaredBytes: number | undefined,
    submit: (charge: (bytes: number) => void) => Promise<T>,
  ): Promise<T> {
    if (this.inProgress.has(submitter)) {
      throw new TooManyRequests(
        {
          en: 'A submission of yours is still being received or checked; send the next one when it is answered.',
          zh: '您的一份提交仍在接收或检查中；请在其得到答复后再发送下一份。',
        },
        IN_PROGRESS_RETRY_SECONDS,
        'SUBMISSION_IN_PROGRESS',
      );
    }
    if (declaredBytes !== undefined && declaredBytes > this.bytesPerMinute) {
      throw new PayloadTooLarge({
        en: `The body is larger than the ${sizeLabel(this.bytesPerMinute)} one submitter may send in a minute.`,
        zh: `请求体超过一个提交者一分钟内可发送的 ${sizeLabel(this.bytesPerMinute)}。`,
      });
    }
    const window = this.currentWindow(submitter);
    if (window.bytes >= this.bytesPerMinute || window.bytes + (declaredBytes ?? 0) > this.bytesPerMinute) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - this.clock()) / 1000));
      throw new TooManyRequests(
        {
          en: `More than ${sizeLabel(this.bytesPerMinute)} of reports in a minute; send again in ${retryAfter} s.`,
          zh: `一分钟内报告超过 ${sizeLabel(this.bytesPerMinute)}；请在 ${retryAfter} 秒后再发送。`,
        },
        retryAfter,
        'SUBMISSION_BYTES_EXCEEDED',
      );
    }
    this.inProgress.add(submitter);
    try {
      return await submit((bytes) => {
        window.bytes += bytes;
      });
    } finally {
      this.inProgress.delete(submitter);
    }
  }

  private currentWindow(submitter: string): ByteWindow {
    const now = this.clock();
    // Expired windows go here rather than on a timer: submitters are few (institutions and admins).
    for (const [key, window] of this.windows) if (now - window.startedAt >= WINDOW_MS) this.windows.delete(key);
    let window = this.windows.get(submitter);
    if (!window) {
      window = { startedAt: now, bytes: 0 };
      this.windows.set(submitter, window);
    }
    return window;
  }
}
