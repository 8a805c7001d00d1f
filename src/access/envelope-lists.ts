import { type RawBuilder, sql } from 'kysely';

/**
 * The lists of a shared record's access envelope kept in their own tables — the organisations
 * named by the 'organisations' distribution and the co-editors — as two columns of the query that
 * loads the record (`named_org_ids`, `editor_ids`; for kinds released at an embargo `embargo_at` and
 * `embargo_reader_ids`), so that every single-record, list and export
 * path hands the policy the whole envelope. `alias` is the table (alias) of the record; `kind` its
 * record kind (a value, or a column such as `r.kind`).
 */
export function envelopeListColumns(alias: string, kind: string | RawBuilder<string>) {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return [
    sql<string[]>`CASE WHEN ${col('distribution')} = 'organisations' THEN ARRAY(
      SELECT ro.organisation_id::text FROM record_organisations ro
      WHERE ro.record_kind = ${kind} AND ro.record_id = ${col('id')} ORDER BY 1) ELSE '{}'::text[] END`.as(
      'named_org_ids',
    ),
    sql<string[]>`ARRAY(
      SELECT re.user_id::text FROM record_editors re
      WHERE re.record_kind = ${kind} AND re.record_id = ${col('id')} ORDER BY 1)`.as('editor_ids'),
    // Kinds released at an embargo (`embargoField`): the moment, and the translators and reviewers
    // of the record's language versions, who read it before then (src/access/registry-policy.ts).
    sql<string | null>`${col('data')}->>'embargo_at'`.as('embargo_at'),
    sql<string[]>`ARRAY(
      SELECT mv.translator_id::text FROM message_versions mv WHERE mv.message_id = ${col('id')}
      UNION SELECT mv.reviewer_id::text FROM message_versions mv WHERE mv.message_id = ${col('id')}
      ORDER BY 1)`.as('embargo_reader_ids'),
    // Records about a person (`personalData`): the person's user id and their opt-in
    // (src/access/personal-data-policy.ts).
    sql<string | null>`${col('data')}->>'person_user'`.as('person_user_id'),
    sql<boolean>`coalesce((${col('data')}->>'open_consent') = 'true', false)`.as('open_consent'),
  ] as const;
}
