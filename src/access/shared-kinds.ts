/**
 * Record kinds that carry the access envelope (owner, distribution, TLP, named recipients).
 * The audit trail, notifications and attachments look records up here so that every one of
 * them goes through the same readable filter. The registry engine adds its kinds here.
 */
export const SHARED_KINDS = {
  announcement: { table: 'announcements' },
} as const;

export type SharedKind = keyof typeof SHARED_KINDS;

export function isSharedKind(kind: string): kind is SharedKind {
  return Object.hasOwn(SHARED_KINDS, kind);
}
