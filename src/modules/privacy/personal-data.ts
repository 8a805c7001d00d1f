import type { Database } from '../../db/connection.ts';

/**
 * Everything the platform holds about one person, as they may download it (the right of access
 * of Regulation (EU) 2018/1725): profile, roles, memberships, API keys (metadata only, never the
 * key), sessions, personal settings, what they wrote (records, comments), their notifications and
 * the audit events about them or by them (without the details of records, which belong to the
 * records' owners and are read there). Secrets — password and key hashes, second-factor secrets,
 * recovery codes — are never part of it.
 */
export async function collectPersonalData(db: Database, userId: string) {
  const profile = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.locale',
      'u.status',
      'u.totp_enabled',
      'u.digest_frequency',
      'u.digest_sent_at',
      'u.created_at',
      'u.updated_at',
      'o.code as organisation_code',
      'o.name as organisation_name',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const [
    roles,
    memberships,
    apiKeys,
    sessions,
    identities,
    savedFilters,
    subscriptions,
    records,
    comments,
    notifications,
    audit,
  ] = await Promise.all([
    db
      .selectFrom('role_grants as g')
      .innerJoin('organisations as o', 'o.id', 'g.organisation_id')
      .select(['g.role', 'o.code as organisation_code', 'g.granted_at'])
      .where('g.user_id', '=', userId)
      .execute(),
    db
      .selectFrom('network_memberships as m')
      .innerJoin('networks as n', 'n.id', 'm.network_id')
      .select(['n.code as network', 'm.role', 'm.status', 'm.note', 'm.created_at', 'm.updated_at'])
      .where('m.user_id', '=', userId)
      .orderBy('m.created_at')
      .execute(),
    db
      .selectFrom('api_keys')
      .select(['name', 'prefix', 'scopes', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('sessions')
      .select(['auth_method', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('user_identities as i').select(['i.created_at']).where('i.user_id', '=', userId).execute(),
    db
      .selectFrom('registry_saved_filters')
      .select(['kind', 'name', 'query', 'created_at'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('registry_subscriptions')
      .select(['kind', 'field', 'prefix', 'created_at'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('registry_records')
      .select(['id', 'kind', 'title', 'status', 'created_at', 'updated_at'])
      .where('author_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('registry_comments as c')
      .innerJoin('registry_records as r', 'r.id', 'c.record_id')
      .select(['c.kind', 'c.body', 'c.created_at', 'r.kind as record_kind', 'r.id as record_id'])
      .where('c.author_id', '=', userId)
      .orderBy('c.created_at')
      .execute(),
    db
      .selectFrom('notifications')
      .select(['kind', 'record_kind', 'record_id', 'created_at', 'read_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute(),
    db
      .selectFrom('audit_events')
      .select(['occurred_at', 'action', 'record_kind', 'record_id', 'actor_id'])
      .where((eb) =>
        eb.or([
          eb('actor_id', '=', userId),
          eb.and([eb('record_kind', '=', 'user'), eb('record_id', '=', userId)]),
        ]),
      )
      .orderBy('seq')
      .execute(),
  ]);
  // Meetings (src/modules/meetings): answers to invitations (by meeting id: the meeting may no
  // longer be readable), and whether a calendar link exists (never its hash).
  const meetingAnswers = await db
    .selectFrom('meeting_rsvps as m')
    .select(['m.meeting_id', 'm.answer', 'm.answered_at'])
    .where('m.user_id', '=', userId)
    .orderBy('m.answered_at')
    .execute();
  const calendarLink = await db
    .selectFrom('calendar_feeds')
    .select(['created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return {
    about:
      'Your personal data on the EUCAB Cooperation Platform. Passwords, key hashes and second-factor secrets are never exported. The records you wrote belong to your administration and are listed here by title; open them on the platform for their content.',
    generatedAt: new Date().toISOString(),
    profile,
    roles,
    networkMemberships: memberships,
    apiKeys,
    sessions,
    linkedSignInAccounts: identities.length,
    savedFilters,
    alertSubscriptions: subscriptions,
    meetingAnswers,
    calendarLink: calendarLink ?? null,
    recordsWritten: records,
    comments,
    notifications,
    auditEvents: audit.map((e) => ({
      occurredAt: e.occurred_at,
      action: e.action,
      recordKind: e.record_kind,
      recordId: e.record_id,
      byYou: e.actor_id === userId,
    })),
  };
}
