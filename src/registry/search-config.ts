import { sql } from 'kysely';

/**
 * PostgreSQL 15 text-search configurations for official EU languages that have one; the others
 * (bg, cs, et, hr, lv, mt, pl, sk, sl) use `simple`. Every record's vector also holds the
 * `simple` form of its words (unaccented), so exact words match in any language.
 */
const CONFIGS: Record<string, string> = {
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hu: 'hungarian',
  it: 'italian',
  lt: 'lithuanian',
  nl: 'dutch',
  pt: 'portuguese',
  ro: 'romanian',
  sv: 'swedish',
};

export function searchConfig(language: string): string {
  return CONFIGS[language] ?? 'simple';
}

/** The tsvector of a record: title weighted A, other searchable text B. */
export function searchVector(language: string, title: string, text: string) {
  const cfg = searchConfig(language);
  return sql`(
    setweight(to_tsvector(${cfg}::regconfig, unaccent(${title})), 'A') ||
    setweight(to_tsvector('simple', unaccent(${title})), 'A') ||
    setweight(to_tsvector(${cfg}::regconfig, unaccent(${text})), 'B') ||
    setweight(to_tsvector('simple', unaccent(${text})), 'B'))`;
}

/** Matches a query typed in `language` against the vector column. */
export function searchMatch(column: string, language: string, q: string) {
  const cfg = searchConfig(language);
  return sql<boolean>`(${sql.ref(column)} @@ websearch_to_tsquery('simple', unaccent(${q})) OR ${sql.ref(column)} @@ websearch_to_tsquery(${cfg}::regconfig, unaccent(${q})))`;
}

/**
 * Matches a record (alias `r` of registry_records) by its own vector or the text of one of its
 * attached files (`attachment_texts`, src/registry/operations/attachments.ts). Used inside the
 * readable filter of lists and the global search, so a file's words find only records the caller
 * may read.
 *
 * Written as `(kind, id) IN (records matching ∪ files matching)`, not `own OR EXISTS (files)`:
 * each side of the union is answered by its own GIN index and the few matching ids are then
 * joined, while an OR with a correlated sub-query makes the planner test every live record
 * (measured ×136 slower for a word in 1 % of 100,000 records: docs/benchmarks/registry.md).
 */
export function recordSearchMatch(alias: string, language: string, q: string) {
  const cfg = searchConfig(language);
  const own = searchMatch('x.search', language, q);
  return sql<boolean>`((${sql.ref(`${alias}.kind`)}, ${sql.ref(`${alias}.id`)}) IN (
    SELECT x.kind, x.id FROM registry_records x WHERE ${own}
    UNION ALL
    SELECT ft.record_kind, ft.record_id FROM attachment_texts ft
    WHERE ft.search @@ websearch_to_tsquery('simple', unaccent(${q}))
       OR ft.search @@ websearch_to_tsquery(${cfg}::regconfig, unaccent(${q}))))`;
}

/** How well a record's files match (half the weight of its own fields), 0 without a match. */
export function fileSearchRank(alias: string, language: string, q: string) {
  const cfg = searchConfig(language);
  return sql<number>`coalesce((SELECT max(ts_rank(ft.search, websearch_to_tsquery(${cfg}::regconfig, unaccent(${q})))) FROM attachment_texts ft WHERE ft.record_kind = ${sql.ref(`${alias}.kind`)} AND ft.record_id = ${sql.ref(`${alias}.id`)}), 0) * 0.5`;
}
