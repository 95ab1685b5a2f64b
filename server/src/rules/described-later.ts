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
  private describe: (() => Description) | null;
  private description: Description | null = null;

  constructor(fields: HitFields, describe: () => Description) {
    this.fingerprint = fields.fingerprint;
    this.subjects = fields.subjects;
    this.city = fields.city;
    this.mode = fields.mode;
    this.channel = fields.channel;
    this.severity = fields.severity;
    this.describe = describe;
  }

  private described(): Description {
    if (this.description === null) {
      this.description = this.describe!();
      this.describe = null;
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
 * A hit described by `describe` when its explanation or evidence is first read. `describe` must
 * give what it would have given when the hit was made: it should capture only values that do not
 * change (links, names, counts), never a collection the rule goes on filling.
 */
export function describedLater(fields: HitFields, describe: () => Description): Hit {
  return new HitDescribedLater(fields, describe);
}
