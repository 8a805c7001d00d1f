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
