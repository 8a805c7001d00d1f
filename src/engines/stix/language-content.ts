import { partId } from './common.ts';
import { stixTime } from './ids.ts';
import { tlpMarkingId } from './tlp.ts';
import type { RecordMeta, StixObject } from './types.ts';

/**
 * Translations of an object's text properties as a STIX `language-content` object
 * (`contents`: language → property → text), for records that carry language versions.
 * Returns null when there is no translation.
 */
export function languageContent(
  meta: RecordMeta,
  object: { id: string; modified: string },
  translations: Record<string, Record<string, string>>,
): StixObject | null {
  const contents = Object.fromEntries(
    Object.entries(translations).filter(([lang, t]) => lang !== meta.language && Object.keys(t).length > 0),
  );
  if (Object.keys(contents).length === 0) return null;
  return {
    type: 'language-content',
    spec_version: '2.1',
    id: partId('language-content', meta.id, `translations/${object.id}`),
    created: stixTime(meta.createdAt),
    modified: stixTime(meta.modifiedAt),
    object_ref: object.id,
    object_modified: object.modified,
    contents,
    object_marking_refs: [tlpMarkingId(meta.tlp)],
  };
}
