import { anonymousActor } from '../../../access/actor.ts';
import type { Database } from '../../../db/connection.ts';
import { readableKindQuery } from '../../../registry/record-queries.ts';
import { messageKind } from '../message-kind.ts';
import { publishedVersions } from './versions.ts';

/** One language of a public message: the original or a published language version. */
export interface PublicLanguageVersion {
  language: string;
  title: string;
  body: string;
  original: boolean;
  late: boolean;
  publishedAt: string;
}

export interface PublicMessage {
  id: string;
  type: string;
  embargoAt: string;
  timeZone: string;
  versions: PublicLanguageVersion[];
}

/** How many messages the public page and the feed show (the newest first). */
export const PUBLIC_LIMIT = 50;

/**
 * The public messages: exactly what an anonymous visitor may read through the registry policy
 * (published, TLP:CLEAR with the public distribution, the embargo passed), each with its original
 * text and its published language versions. Nothing else ever appears here.
 */
export async function publicMessages(db: Database): Promise<PublicMessage[]> {
  const rows = await readableKindQuery(db, anonymousActor, messageKind, { fields: {} })
    .where('r.status', '=', 'published')
    .where('r.distribution', '=', 'public')
    .where('r.tlp', '=', 'clear')
    .select(['r.id', 'r.data', 'r.language', 'r.title'])
    .orderBy('r.published_at', 'desc')
    .limit(PUBLIC_LIMIT)
    .execute();
  const versions = await publishedVersions(
    db,
    anonymousActor,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const data = r.data as Record<string, string>;
    const embargoAt = String(data.embargo_at);
    return {
      id: r.id,
      type: String(data.type),
      embargoAt,
      timeZone: String(data.time_zone),
      versions: [
        {
          language: r.language,
          title: r.title,
          body: String(data.body),
          original: true,
          late: false,
          publishedAt: embargoAt,
        },
        ...versions
          .filter((v) => v.message_id === r.id)
          .map((v) => ({
            language: v.language,
            title: v.title,
            body: v.body,
            original: false,
            late: v.late,
            // Released with the message (the task records the moment a little later) or a late translation.
            publishedAt: (v.published_at ?? (v.late ? new Date() : new Date(embargoAt))).toISOString(),
          })),
      ],
    };
  });
}
