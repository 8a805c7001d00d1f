import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import type { ApprovalRound } from '../access/approval-policy.ts';
import type { DB } from '../db/schema.ts';
import { approvalRoundColumn } from './approvals.ts';

/** What a page row needs to load its envelope: its id, distribution and status (ROW_COLUMNS has them). */
interface PageRow {
  id: string;
  distribution: string;
  status: string;
}

/** The envelope's lists and open approval round, the values `ENVELOPE_COLUMNS` (record-queries.ts) gives. */
export interface EnvelopeParts {
  named_org_ids: string[];
  editor_ids: string[];
  approval: ApprovalRound | null;
  /** Kinds released at an embargo (`embargoField`): the moment, and who reads before it. */
  embargo_at: string | null;
  embargo_reader_ids: string[];
  /** Records about a person (`personalData`): the person's user id and their opt-in. */
  person_user_id: string | null;
  open_consent: boolean;
}

/**
 * The rows of a page (a query over `registry_records` with its ORDER BY, LIMIT and OFFSET, selecting
 * ROW_COLUMNS) with their envelope: the named organisations, the co-editors and the open approval
 * round, computed in the same statement for the page's rows only. As columns of the page query
 * itself they were computed for every matching row before the sort (a search: every match, ×1.5
 * the page's time at 100,000 records, docs/benchmarks/registry.md). The lists are sorted here, not
 * by a sort in SQL per row (the same order: ids are lowercase hex, compared character by
 * character). `embargo`: the kind is released at an embargo. `order` and `direction` repeat the page's ORDER BY (over the alias `r`, then `r.id`).
 */
export async function pageWithEnvelopes<O extends PageRow>(
  db: Kysely<DB>,
  kind: string,
  page: Expression<O>,
  order: RawBuilder<unknown>,
  direction: 'asc' | 'desc',
  embargo: boolean,
): Promise<(O & EnvelopeParts)[]> {
  // The embargo's values as envelope-lists.ts gives them, for the kinds released at an embargo only.
  const embargoColumns = embargo
    ? sql`r.data->>'embargo_at' AS embargo_at,
      ARRAY(SELECT mv.translator_id::text FROM message_versions mv WHERE mv.message_id = r.id
        UNION SELECT mv.reviewer_id::text FROM message_versions mv WHERE mv.message_id = r.id) AS embargo_reader_ids`
    : sql`NULL::text AS embargo_at, '{}'::text[] AS embargo_reader_ids`;
  const rows = await sql<O & EnvelopeParts>`
    SELECT r.*,
      CASE WHEN r.distribution = 'organisations' THEN ARRAY(
        SELECT ro.organisation_id::text FROM record_organisations ro
        WHERE ro.record_kind = ${kind} AND ro.record_id = r.id) ELSE '{}'::text[] END AS named_org_ids,
      ARRAY(SELECT re.user_id::text FROM record_editors re
        WHERE re.record_kind = ${kind} AND re.record_id = r.id) AS editor_ids,
      ${embargoColumns},
      r.data->>'person_user' AS person_user_id,
      coalesce((r.data->>'open_consent') = 'true', false) AS open_consent,
      ${approvalRoundColumn('r', kind)}
    FROM (${page}) AS r
    ORDER BY ${order} ${sql.raw(direction === 'desc' ? 'DESC' : 'ASC')}, r.id`.execute(db);
  for (const r of rows.rows) {
    r.named_org_ids.sort();
    r.editor_ids.sort();
    r.embargo_reader_ids.sort();
  }
  return rows.rows;
}
