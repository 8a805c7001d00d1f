import type { Actor } from './actor.ts';
import { definePolicy } from './policy.ts';
import {
  readableFilter,
  type SharedAbilities,
  type SharedEnvelope,
  sharedAbilities,
} from './shared-record-policy.ts';

/**
 * Announcements, in the one policy shape: the shared-record policy (distribution × TLP × named
 * recipients) of shared-record-policy.ts, which stays the place where the rule is written.
 */
export const announcementPolicy = definePolicy<SharedEnvelope, SharedAbilities>({
  resource: 'announcement',
  tables: ['announcements'],
  abilities: sharedAbilities,
  readable: (a: Actor, alias: string) => readableFilter(a, 'announcement', alias),
});
