import { type RawBuilder, sql } from 'kysely';
import type { MessageVersionState } from '../db/messages-schema.ts';
import { forbidden } from '../http/errors.ts';
import { type Actor, canWrite, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';
import type { RecordAbilities, RegistryEnvelope } from './registry-policy.ts';
import { embargoInsider, embargoInsiderFilter, readableRecords, recordAbilities } from './registry-policy.ts';
import { kindByName } from './shared-kinds.ts';

/**
 * The language versions of a coordinated message (`message_versions`, src/modules/messages). An
 * approved version is read by whoever reads its message — and outside the insiders that is only
 * once the message is released (published and its embargo passed, decided from the timestamp by
 * the registry policy), so every approved version appears at the same moment; a version approved
 * later appears when approved (a late translation). Versions not approved are read only by the
 * message's insiders (its administration, co-editors, translators and reviewers). Its translator (of any administration)
 * and the message's managers (its author, the owning administration's NCP or deputy) change its
 * title and text and submit it while it is a draft or returned; only its named reviewer — never
 * the translator — approves it or returns it with a reason.
 */
export interface MessageVersionRow {
  /** The message's envelope (as the registry loads it). */
  message: RegistryEnvelope;
  translator_id: string;
  reviewer_id: string;
  state: MessageVersionState;
}

export interface MessageVersionAbilities {
  read: boolean;
  update: boolean;
  submit: boolean;
  approve: boolean;
  return: boolean;
}

const NONE: MessageVersionAbilities = Object.freeze({
  read: false,
  update: false,
  submit: false,
  approve: false,
  return: false,
});

function messageKind() {
  const kind = kindByName('message');
  if (!kind) throw new Error('The registry kind "message" is not defined.');
  return kind;
}

/** What the actor may do with the message itself (the registry's abilities, embargo included). */
export function messageAbilities(a: Actor, message: RegistryEnvelope): RecordAbilities {
  return recordAbilities(a, message, messageKind());
}

export function messageVersionAbilities(a: Actor, row: MessageVersionRow): MessageVersionAbilities {
  const msg = messageAbilities(a, row.message);
  const read = msg.read && (row.state === 'approved' || embargoInsider(a, row.message));
  if (!read) return NONE;
  const writer = canWrite(a) && row.message.status !== 'retracted';
  const open = row.state === 'draft' || row.state === 'returned';
  const edits = writer && open && (a.userId === row.translator_id || msg.share);
  const reviews = writer && row.state === 'submitted' && a.userId === row.reviewer_id;
  return { read, update: edits, submit: edits, approve: reviews, return: reviews };
}

/**
 * May the actor add a language version to the message? Its managers name any translator; a
 * co-editor adds a version they translate themself. Throws 403 with the reason otherwise.
 */
export function authoriseAddVersion(a: Actor, message: RegistryEnvelope, translatorId: string): void {
  const msg = messageAbilities(a, message);
  if (!msg.update || message.status === 'retracted')
    throw forbidden(
      'Language versions are added by the message’s authors and co-editors: ask its author to name you co-editor.',
    );
  if (!msg.share && translatorId !== a.userId)
    throw forbidden(
      'As a co-editor you add the versions you translate yourself: name yourself as the translator.',
    );
}

/** SQL over `alias` of message_versions: the same rule as `messageVersionAbilities(...).read`. */
function readable(a: Actor, alias: string): RawBuilder<boolean> {
  const kind = messageKind();
  const v = (c: string) => sql.ref(`${alias}.${c}`);
  const insider = isUser(a) ? embargoInsiderFilter(a, kind.name, 'mr') : sql<boolean>`false`;
  return sql<boolean>`EXISTS (SELECT 1 FROM registry_records mr
    WHERE mr.id = ${v('message_id')} AND mr.kind = ${kind.name} AND ${readableRecords(a, kind, 'mr')}
      AND (${v('state')} = 'approved' OR ${insider}))`;
}

export const messageVersionPolicy = definePolicy<MessageVersionRow, MessageVersionAbilities>({
  resource: 'message_version',
  tables: ['message_versions', 'message_releases'],
  abilities: messageVersionAbilities,
  readable,
});
