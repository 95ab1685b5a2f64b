// The agreement rules' fingerprints name the counterparty (without it, a reporter reusing a ref for
// another counterparty made its finding move to that counterparty). An existing finding takes the
// fingerprint its latest hit has now, so that when the start-up check runs the rules again (their
// versions changed) the finding is found again, its status, history and comments kept, instead of
// resolving while an untriaged twin opens. Frozen here: the fingerprint's form as of this change.
import type { Kysely } from 'kysely';

/** The rules whose findings are about one agreement, subjects [reporter, counterparty]. */
const BY_SUBJECTS = ['EXCL-001', 'DISC-001', 'DISC-002'];
/** EXCL-002's agreement findings name the reporter alone: the counterparty is read from the agreement the evidence cites. */
const OWN_GROUP_ONLY = 'EXCL-002|agreement|';

/** The columns this migration reads and writes, as they are at this change. */
interface Frozen {
  findings: Row;
  report_agreements: { report_id: number; ref: string; counterparty: string };
}

interface Row {
  id: number;
  rule_id: string;
  fingerprint: string;
  subjects: string;
  evidence: string;
}

interface CitedAgreement {
  reportId?: number;
  agreementRef?: string;
}

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<Frozen>;
  const rows = await db
    .selectFrom('findings')
    .select(['id', 'rule_id', 'fingerprint', 'subjects', 'evidence'])
    .where((eb) => eb.or([eb('rule_id', 'in', BY_SUBJECTS), eb('fingerprint', 'like', `${OWN_GROUP_ONLY}%`)]))
    .execute();
  for (const row of rows) {
    const counterparty = BY_SUBJECTS.includes(row.rule_id) ? (JSON.parse(row.subjects) as string[])[1] : await citedCounterparty(db, row);
    // A finding whose counterparty cannot be told keeps its fingerprint: the next run resolves it as
    // no longer holding (or, confirmed or dismissed, leaves it to a person) and opens its successor.
    if (counterparty === undefined) continue;
    await db
      .updateTable('findings')
      .set({ fingerprint: `${row.fingerprint}|${counterparty}` })
      .where('id', '=', row.id)
      .execute();
  }
}

/** The counterparty of the agreement the finding's latest evidence cites (new evidence is appended). */
async function citedCounterparty(db: Kysely<Frozen>, row: Row): Promise<string | undefined> {
  const cited = (JSON.parse(row.evidence) as CitedAgreement[])
    .filter((e) => e.reportId !== undefined && e.agreementRef !== undefined)
    .at(-1);
  if (!cited) return undefined;
  const agreement = await db
    .selectFrom('report_agreements')
    .select('counterparty')
    .where('report_id', '=', cited.reportId!)
    .where('ref', '=', cited.agreementRef!)
    .executeTakeFirst();
  return agreement?.counterparty;
}
