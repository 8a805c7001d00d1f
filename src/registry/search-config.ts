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

/**
 * A query typed in `language` as one tsquery: its `simple` form (exact words, any language) OR
 * its form in the language's configuration (stems), so one index scan answers both.
 */
export function searchQuery(language: string, q: string) {
  const cfg = searchConfig(language);
  return sql`(websearch_to_tsquery('simple', unaccent(${q})) || websearch_to_tsquery(${cfg}::regconfig, unaccent(${q})))`;
}

/**
 * A record's whole vector (alias `r` of registry_records): its own fields, the words of its
 * attached files (`file_search`, filled as files are attached: src/registry/operations/attachments.ts)
 * and those of its visible posts (`comment_search`: neither withdrawn nor hidden, record-service.ts),
 * written exactly as the expression of the GIN index `registry_records_search_all_idx`
 * (migration 0086), so that the planner matches it with that index.
 */
function recordVector(alias: string) {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql`(coalesce(${col('search')}, ''::tsvector) || coalesce(${col('file_search')}, ''::tsvector) || coalesce(${col('comment_search')}, ''::tsvector))`;
}

/**
 * Matches a record by its whole vector (recordVector) with one tsquery: one bitmap scan of one
 * index. Used inside the readable filter of lists and the global search, so a file's words find
 * only records the caller may read. Matching the three columns apart ORed six bitmap scans (search
 * ×1.40 at p50), a stored concatenated column made every row wider (list ×1.4), and a sub-query on
 * attachment_texts was ×2–×136 slower (docs/benchmarks/registry.md).
 */
export function recordSearchMatch(alias: string, language: string, q: string) {
  return sql<boolean>`(${recordVector(alias)} @@ ${searchQuery(language, q)})`;
}

/** How well a record's files match (half the weight of its own fields), 0 without a match. */
export function fileSearchRank(alias: string, language: string, q: string) {
  const cfg = searchConfig(language);
  return sql<number>`coalesce(ts_rank(${sql.ref(`${alias}.file_search`)}, websearch_to_tsquery(${cfg}::regconfig, unaccent(${q}))), 0) * 0.5`;
}
