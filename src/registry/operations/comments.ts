import { change } from '../../core/change.ts';
import type { Database } from '../../db/connection.ts';
import type { KindDefinition } from '../definition.ts';
import { addComment } from '../record-service.ts';
import type { ChangeDeps, UserActor } from './types.ts';

/** The comments, feedback and registered interest on a record (the caller may read it). */
export function recordComments(db: Database, id: string) {
  return db
    .selectFrom('registry_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.kind',
      'c.body',
      'c.created_at',
      'u.display_name as author',
      'o.code as organisation',
    ])
    .where('c.record_id', '=', id)
    .orderBy('c.created_at')
    .execute();
}

export interface CommentInput {
  id: string;
  kind: 'comment' | 'feedback' | 'interest';
  body: string;
}

/** A reader comments, gives feedback or registers interest (404 unreadable, 403 not published or read-only). */
export function commentOnRecord(deps: ChangeDeps, a: UserActor, kind: KindDefinition, input: CommentInput) {
  return change(deps, (trx) => addComment(trx, a, kind, input.id, { kind: input.kind, body: input.body }));
}
