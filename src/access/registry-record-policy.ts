import { type RawBuilder, sql } from 'kysely';
import type { Actor } from './actor.ts';
import { definePolicy } from './policy.ts';
import {
  NO_RECORD_ABILITIES,
  type RecordAbilities,
  type RegistryEnvelope,
  recordAbilities,
  visibleData,
} from './registry-policy.ts';
import { kindByName, SHARED_KINDS } from './shared-kinds.ts';

/**
 * Registry records of every kind, in the one policy shape. It delegates to registry-policy.ts
 * (the shared-record envelope plus the workflow and the owner-only fields), which stays the
 * place where the rule is written.
 */
export interface RegistryRecordRow extends RegistryEnvelope {
  /** The record's kind (the name of its definition). */
  kind: string;
}

function abilities(a: Actor, row: RegistryRecordRow): RecordAbilities {
  const kind = kindByName(row.kind);
  return kind ? recordAbilities(a, row, kind) : NO_RECORD_ABILITIES;
}

/** SQL over `alias` of `registry_records`: per kind, that kind's readable filter. */
function readable(a: Actor, alias: string): RawBuilder<boolean> {
  const kind = sql.ref(`${alias}.kind`);
  const branches = Object.entries(SHARED_KINDS)
    .filter(([, entry]) => entry.table === 'registry_records')
    .map(([name, entry]) => sql<boolean>`(${kind} = ${name} AND ${entry.readable(a, name, alias)})`);
  return branches.length ? sql<boolean>`(${sql.join(branches, sql` OR `)})` : sql<boolean>`false`;
}

/**
 * Records of every kind (network announcements included), their versions and comments; the
 * envelope's lists (named recipients, named organisations, co-editors), approval rounds and
 * decisions, attachments and their extracted text, answers to meeting invitations, who follows
 * a record's thread.
 */
export const registryRecordPolicy = definePolicy<RegistryRecordRow, RecordAbilities>({
  resource: 'registry_record',
  tables: [
    'registry_records',
    'registry_versions',
    'registry_comments',
    'record_recipients',
    'record_organisations',
    'record_editors',
    'record_submissions',
    'record_approvals',
    'attachments',
    'attachment_texts',
    'meeting_rsvps',
    'thread_subscriptions',
  ],
  abilities,
  readable,
  fields: (a, row, data) => {
    const kind = kindByName(row.kind);
    return kind ? visibleData(kind, data, abilities(a, row)) : {};
  },
});
