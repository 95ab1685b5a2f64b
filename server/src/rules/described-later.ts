// A hit whose explanation and evidence are built when first read. A run keeps only each
// fingerprint's latest hit, and only those are ever read (by the merge): a national run's link rules
// fire some 1.5 million times over 60 months, and building every one's sentences and evidence was
// most of their time and, since each month's hits live until the next month's replace them, most of
// what the garbage collector had to promote.
import type { Evidence, Hit, Severity, Text } from './rule.js';
import type { Channel, Mode } from '../state/period-state.js';

export interface Description {
  explanation: Text;
  evidence: readonly Evidence[];
}

/** What a hit says without its description. */
export type HitFields = Omit<Hit, 'explanation' | 'evidence'>;

class HitDescribedLater implements Hit {
  readonly fingerprint: string;
  readonly subjects: string[];
  readonly city: string | null;
  readonly mode: Mode | null;
  readonly channel: Channel | null;
  readonly severity: Severity;
  // Dropped once described, so a described hit no longer holds what its description was built from.
  private detail: unknown;
  private describe: ((hit: HitFields, detail: never) => Description) | null;
  private description: Description | null = null;

  constructor(fields: HitFields, detail: unknown, describe: (hit: HitFields, detail: never) => Description) {
    this.fingerprint = fields.fingerprint;
    this.subjects = fields.subjects;
    this.city = fields.city;
    this.mode = fields.mode;
    this.channel = fields.channel;
    this.severity = fields.severity;
    this.detail = detail;
    this.describe = describe;
  }

  private described(): Description {
    if (this.description === null) {
      this.description = this.describe!(this, this.detail as never);
      this.describe = null;
      this.detail = null;
    }
    return this.description;
  }

  get explanation(): Text {
    return this.described().explanation;
  }

  get evidence(): Evidence[] {
    return this.described().evidence as Evidence[];
  }
}

/**
 * A hit described by `describe(hit, detail)` when its explanation or evidence is first read.
 * `describe` is a function of the rule's module and `detail` what it needs beyond the hit's fields,
 * often one object for the hits of every city that shares a link set, so that a hit costs one
 * object, not a closure and its scope as well. Both must give what they would have given when the
 * hit was made: `detail` should hold only values that do not change (links, names, counts).
 */
export function describedLater<D>(fields: HitFields, detail: D, describe: (hit: HitFields, detail: D) => Description): Hit {
  return new HitDescribedLater(fields, detail, describe);
}
