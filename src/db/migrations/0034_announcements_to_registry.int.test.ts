import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../audit/audit-log.ts';
import { verifyAuditChain } from '../../audit/verify-chain.ts';
import { loadActor } from '../../auth/actor-loader.ts';
import { seedDemoData } from '../../seed/demo-data.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp, type TestClient } from '../../testing/test-app.ts';
import type { Database } from '../connection.ts';
import { migrateToBefore } from '../migrate.ts';

/**
 * Migration 0034 on a database written by the release before it: announcements inserted exactly
 * as the former announcement routes wrote them (row, named recipients, named organisations,
 * co-editors, attachment, notifications, audit events, pending notification work), then the app
 * migrates to the latest. Every announcement is then a registry record with the same id, read by
 * the same people.
 */
let t: TestApp;
const ids = { green: '', red: '', org: '', named: '' };
const PDF = Buffer.from('%PDF-1.4\n% carried over\n');
let attachmentId = '';

async function userId(db: Database, email: string) {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

/** What POST /announcements did (plus, for `edited`, a PATCH afterwards). */
async function legacyAnnouncement(
  db: Database,
  authorEmail: string,
  a: {
    network: string;
    title: string;
    body: string;
    distribution: string;
    tlp: string;
    recipients?: string[];
    /** Organisation codes named by the 'organisations' distribution (record_organisations). */
    organisations?: string[];
    /** Co-editors (user ids) named with PUT /announcements/:id/editors (record_editors). */
    editors?: string[];
  },
) {
  const author = await userId(db, authorEmail);
  const actor = (await loadActor(db, author, null))!;
  return db.transaction().execute(async (trx) => {
    const net = await trx
      .selectFrom('networks')
      .select('id')
      .where('code', '=', a.network)
      .executeTakeFirstOrThrow();
    const row = await sql<{ id: string }>`
      INSERT INTO announcements (network_id, owner_org_id, author_id, title, body, distribution, distribution_network_id, tlp)
      VALUES (${net.id}, ${actor.orgId}, ${author}, ${a.title}, ${a.body}, ${a.distribution},
        ${a.distribution === 'network' ? net.id : null}, ${a.tlp})
      RETURNING id`.execute(trx);
    const id = row.rows[0]!.id;
    const recipients = a.recipients?.length ? [author, ...a.recipients] : [];
    for (const u of recipients)
      await trx
        .insertInto('record_recipients')
        .values({ record_kind: 'announcement', record_id: id, user_id: u })
        .execute();
    for (const code of a.organisations ?? []) {
      const org = await trx
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('record_organisations')
        .values({ record_kind: 'announcement', record_id: id, organisation_id: org.id })
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'announcement.created',
      recordKind: 'announcement',
      recordId: id,
      changes: {
        title: { after: a.title },
        body: { after: a.body },
        distribution: { after: a.distribution },
        tlp: { after: a.tlp },
        recipients,
        ...(a.organisations?.length ? { organisations: a.organisations } : {}),
      },
    });
    if (a.editors?.length) {
      for (const u of a.editors)
        await trx
          .insertInto('record_editors')
          .values({ record_kind: 'announcement', record_id: id, user_id: u, added_by: author })
          .execute();
      await recordAudit(trx, actor, {
        action: 'announcement.editors_changed',
        recordKind: 'announcement',
        recordId: id,
        changes: { editors: { before: [], after: a.editors } },
      });
    }
    return { id, actor, author };
  });
}

beforeAll(async () => {
  t = await createTestApp({
    prepare: async (handle) => {
      const db = handle.db;
      await migrateToBefore(db as never, '0034_announcements_to_registry');
      const creds = await seedDemoData(db, { password: DEMO_PASSWORD });
      const be = await userId(db, 'be.expert@demo.eucab.eu');
      const green = await legacyAnnouncement(db, 'nl.expert@demo.eucab.eu', {
        network: 'risk-management',
        title: 'Carried over for the network',
        body: 'Members of risk management read this.',
        distribution: 'network',
        tlp: 'green',
      });
      const red = await legacyAnnouncement(db, 'nl.expert@demo.eucab.eu', {
        network: 'risk-management',
        title: 'Carried over for named people',
        body: 'Only the named recipients read this.',
        distribution: 'network',
        tlp: 'red',
        recipients: [be],
      });
      const org = await legacyAnnouncement(db, 'de.expert@demo.eucab.eu', {
        network: 'procurement',
        title: 'Carried over inside Germany',
        body: 'German customs only.',
        distribution: 'organisation',
        tlp: 'amber',
      });
      const frExpert = await userId(db, 'fr.expert@demo.eucab.eu');
      const named = await legacyAnnouncement(db, 'nl.expert@demo.eucab.eu', {
        network: 'risk-management',
        title: 'Carried over for named administrations',
        body: 'Denmark reads this; a French co-editor translates it.',
        distribution: 'organisations',
        tlp: 'amber',
        organisations: ['DK'],
        editors: [frExpert],
      });
      Object.assign(ids, { green: green.id, red: red.id, org: org.id, named: named.id });
      const frAnalyst = await userId(db, 'fr.analyst@demo.eucab.eu');
      await db.transaction().execute(async (trx) => {
        // The attachment of the RED one, as POST /announcements/:id/attachments stored it.
        const att = await trx
          .insertInto('attachments')
          .values({
            record_kind: 'announcement',
            record_id: red.id,
            filename: 'report.pdf',
            content_type: 'application/pdf',
            size: PDF.length,
            sha256: createHash('sha256').update(PDF).digest('hex'),
            content: PDF,
            uploaded_by: red.author,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        attachmentId = att.id;
        await recordAudit(trx, red.actor, {
          action: 'announcement.attachment_added',
          recordKind: 'announcement',
          recordId: red.id,
          changes: { filename: 'report.pdf', size: PDF.length },
        });
        // The notifications the former handler wrote (a RED title is never quoted).
        await trx
          .insertInto('notifications')
          .values([
            {
              user_id: be,
              kind: 'announcement.created',
              record_kind: 'announcement',
              record_id: red.id,
              summary: '',
            },
            {
              user_id: frAnalyst,
              kind: 'announcement.created',
              record_kind: 'announcement',
              record_id: green.id,
              summary: 'Carried over for the network',
            },
          ])
          .execute();
        // A correction (PATCH) whose notification work was still pending at the upgrade.
        await sql`UPDATE announcements SET body = 'German customs only (corrected).', updated_at = now() WHERE id = ${org.id}`.execute(
          trx,
        );
        await recordAudit(trx, org.actor, {
          action: 'announcement.updated',
          recordKind: 'announcement',
          recordId: org.id,
          changes: { body: { before: 'German customs only.', after: 'German customs only (corrected).' } },
        });
        await trx
          .insertInto('outbox')
          .values({
            topic: 'announcement.published',
            payload: JSON.stringify({ id: org.id, event: 'corrected' }),
          })
          .execute();
      });
      return creds;
    },
  });
}, 240_000);
afterAll(async () => t?.close());

/** One signed-in client per person (sign-ins are rate limited). */
const signedIn = new Map<string, Promise<TestClient>>();
function as(email: string): Promise<TestClient> {
  if (!signedIn.has(email)) signedIn.set(email, t.as(email));
  return signedIn.get(email)!;
}

const BASE = '/api/v1/registry/announcement';

describe('migration 0034: announcements become registry records', () => {
  it('carries every announcement over with its id, data, envelope and a first version; the old table is gone', async () => {
    const gone = await sql<{ t: string | null }>`SELECT to_regclass('announcements')::text AS t`.execute(
      t.rt.db,
    );
    expect(gone.rows[0]!.t).toBeNull();
    const nl = await as('nl.expert@demo.eucab.eu');
    const red = (await nl.get(`${BASE}/${ids.red}`)).json();
    expect([red.kind, red.status, red.version, red.tlp, red.distribution]).toEqual([
      'announcement',
      'published',
      1,
      'red',
      'network',
    ]);
    expect(red.data).toEqual({
      title: 'Carried over for named people',
      body: 'Only the named recipients read this.',
      network: 'risk-management',
    });
    expect(red.history.length).toBe(1);
    const de = await as('de.expert@demo.eucab.eu');
    const org = (await de.get(`${BASE}/${ids.org}`)).json();
    expect(org.data.body).toBe('German customs only (corrected).');
  });

  it('is read by the same people as before (RED: the named recipients; organisation: its users; network: members)', async () => {
    const status = async (email: string, id: string) =>
      (await (await as(email)).get(`${BASE}/${id}`)).statusCode;
    expect(await status('be.expert@demo.eucab.eu', ids.red)).toBe(200);
    expect(await status('nl.analyst@demo.eucab.eu', ids.red)).toBe(404);
    expect(await status('fr.analyst@demo.eucab.eu', ids.green)).toBe(200); // a risk-management member
    expect(await status('hu.expert@demo.eucab.eu', ids.green)).toBe(
      (await t.rt.db
        .selectFrom('network_memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .innerJoin('networks as n', 'n.id', 'm.network_id')
        .select('m.id')
        .where('u.email', '=', 'hu.expert@demo.eucab.eu')
        .where('n.code', '=', 'risk-management')
        .where('m.status', '=', 'active')
        .executeTakeFirst())
        ? 200
        : 404,
    );
    expect(await status('de.analyst@demo.eucab.eu', ids.org)).toBe(200);
    expect(await status('fr.expert@demo.eucab.eu', ids.org)).toBe(404);
    expect((await t.client().get(`${BASE}/${ids.green}`)).statusCode).toBe(404);
    const member = await as('fr.analyst@demo.eucab.eu');
    const listed = (await member.get(`${BASE}?network=risk-management&q=carried&limit=100`)).json().items;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([ids.green]);
    const found = (await member.get('/api/v1/search?q=carried')).json().items;
    expect(found.map((x: { id: string }) => x.id)).toContain(ids.green);
  });

  it('keeps named organisations and co-editors: the same people read it, the co-editor corrects it', async () => {
    const status = async (email: string) => (await (await as(email)).get(`${BASE}/${ids.named}`)).statusCode;
    expect(await status('dk.analyst@demo.eucab.eu')).toBe(200); // a named organisation
    expect(await status('nl.analyst@demo.eucab.eu')).toBe(200); // the owning organisation
    expect(await status('be.expert@demo.eucab.eu')).toBe(404);
    const dk = (
      await t.rt.db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', 'DK')
        .executeTakeFirstOrThrow()
    ).id;
    const nl = await as('nl.expert@demo.eucab.eu');
    const rec = (await nl.get(`${BASE}/${ids.named}`)).json();
    expect([rec.distribution, rec.named_org_ids]).toEqual(['organisations', [dk]]);
    const editors = (await nl.get(`${BASE}/${ids.named}/editors`)).json();
    expect(editors.items.map((p: { organisation_code: string }) => p.organisation_code)).toEqual(['FR']);
    const fr = await as('fr.expert@demo.eucab.eu');
    const read = await fr.get(`${BASE}/${ids.named}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toMatchObject({ update: true, share: false, retract: false });
    const corrected = await fr.put(`${BASE}/${ids.named}`, {
      data: { ...rec.data, body: 'Le Danemark lit ceci.' },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
  });

  it('keeps attachments downloadable by the readers only', async () => {
    const url = `${BASE}/${ids.red}/attachments/${attachmentId}`;
    const dl = await (await as('be.expert@demo.eucab.eu')).get(url);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['x-tlp-marking']).toBe('TLP:RED');
    expect((await (await as('nl.analyst@demo.eucab.eu')).get(url)).statusCode).toBe(404);
  });

  it('keeps notifications linked, and runs the pending notification work through the registry', async () => {
    await t.rt.outbox.drain();
    const be = (await (await as('be.expert@demo.eucab.eu')).get('/api/v1/notifications?limit=200')).json()
      .items;
    const note = be.find((n: { record_id: string }) => n.record_id === ids.red);
    expect([note?.record_kind, note?.summary]).toEqual(['announcement', '']);
    const fr = (await (await as('fr.analyst@demo.eucab.eu')).get('/api/v1/notifications?limit=200')).json()
      .items;
    expect(fr.some((n: { record_id: string }) => n.record_id === ids.green)).toBe(true);
    const deColleague = (
      await (await as('de.analyst@demo.eucab.eu')).get('/api/v1/notifications?limit=200')
    ).json().items;
    const corrected = deColleague.find((n: { record_id: string }) => n.record_id === ids.org);
    expect(corrected?.kind).toBe('announcement.corrected');
    const pending = await t.rt.db
      .selectFrom('outbox')
      .select('id')
      .where('topic', '=', 'announcement.published')
      .execute();
    expect(pending).toEqual([]);
  });

  it('keeps the audit events visible with their details to the same people, and the chain verifies', async () => {
    const events = async (email: string, id: string) =>
      (await (await as(email)).get(`/api/v1/audit?recordKind=announcement&recordId=${id}`)).json().items as {
        action: string;
        changes: unknown;
      }[];
    const mine = await events('nl.expert@demo.eucab.eu', ids.red);
    expect(mine.map((e) => e.action).sort()).toEqual([
      'announcement.attachment_added',
      'announcement.created',
    ]);
    expect(JSON.stringify(mine)).toContain('Carried over for named people');
    // The NL NCP is entitled to the event but may not read the RED record: no details.
    const ncp = await events('nl.ncp@demo.eucab.eu', ids.red);
    expect(JSON.stringify(ncp)).not.toContain('Carried over for named people');
    const deNcp = await events('de.ncp@demo.eucab.eu', ids.org);
    expect(JSON.stringify(deNcp)).toContain('corrected');
    expect(await verifyAuditChain(t.rt.db)).toMatchObject({ ok: true });
  });
});
