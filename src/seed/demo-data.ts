import { systemActor } from '../access/actor.ts';
import { TLP_RULES } from '../access/tlp.ts';
import { type AuditInput, recordAuditMany } from '../audit/audit-log.ts';
import { loadActor } from '../auth/actor-loader.ts';
import { hashPassword, randomToken } from '../auth/crypto.ts';
import { newTotpSecret } from '../auth/totp.ts';
import type { Database } from '../db/connection.ts';
import type { Distribution, NetworkRole, OrgRole, Tlp } from '../db/schema.ts';
import { announcement } from '../registry/kinds/communication/announcement.kind.ts';
import { createRecord } from '../registry/record-service.ts';
import { ensureReferenceData } from './reference-data.ts';

export const DEMO_DOMAIN = 'demo.eucab.eu';

export interface DemoSignIn {
  email: string;
  role: string;
  totpSecret: string | null;
}

export interface DemoCredentials {
  password: string;
  signIns: DemoSignIn[];
}

const COORDINATORS: Record<string, string> = {
  'risk-management': 'NL',
  procurement: 'DE',
  'resilience-integrity': 'PT',
  innovation: 'EE',
  training: 'FR',
  'third-countries': 'PL',
  communication: 'IT',
};

/**
 * The demo data set (every row marked is_demo): users of all 27 administrations across the
 * roles, network memberships (including pending ones), a sharing group and announcements at
 * every marking. Refused in production. The password and the TOTP secrets are generated here,
 * stored, and printed at start — none is in the repository.
 */
export async function seedDemoData(db: Database, opts: { password?: string } = {}): Promise<DemoCredentials> {
  await ensureReferenceData(db);
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('is_demo', '=', true)
    .limit(1)
    .executeTakeFirst();
  if (existing) throw new Error('The demo data is already loaded.');
  const password = opts.password ?? `demo-${randomToken(8).slice(0, 10)}`;
  const hash = await hashPassword(password);
  const orgs = await db.selectFrom('organisations').select(['id', 'code', 'type']).execute();
  const org = (code: string) => orgs.find((o) => o.code === code)!;
  const networks = await db.selectFrom('networks').select(['id', 'code', 'name']).execute();
  const net = (code: string) => networks.find((n) => n.code === code)!;
  const signIns: DemoSignIn[] = [];
  const events: AuditInput[] = [];

  return db.transaction().execute(async (trx) => {
    const users = new Map<string, string>();
    async function addUser(
      email: string,
      name: string,
      orgCode: string,
      roles: OrgRole[],
      label: string,
      totp: boolean,
    ) {
      const secret = totp ? newTotpSecret() : null;
      const u = await trx
        .insertInto('users')
        .values({
          email,
          display_name: name,
          organisation_id: org(orgCode).id,
          password_hash: hash,
          totp_secret: secret,
          totp_enabled: totp,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const role of roles) {
        await trx
          .insertInto('role_grants')
          .values({ user_id: u.id, organisation_id: org(orgCode).id, role })
          .execute();
      }
      users.set(email, u.id);
      signIns.push({ email, role: label, totpSecret: secret });
      events.push({
        action: 'user.created',
        recordKind: 'user',
        recordId: u.id,
        organisationId: org(orgCode).id,
        changes: { email: { after: email }, demo: true },
      });
      return u.id;
    }

    await addUser(
      `admin@${DEMO_DOMAIN}`,
      'Demo Platform Administrator',
      'EUCAB-SU',
      ['platform_admin'],
      'platform administrator (Support unit)',
      true,
    );
    await addUser(
      `observer@${DEMO_DOMAIN}`,
      'Demo Commission Observer',
      'EC-TAXUD',
      [],
      'Commission observer (read-only)',
      false,
    );
    await addUser(
      `secretariat@${DEMO_DOMAIN}`,
      'Demo Coordination Unit Officer',
      'EUCAB-COORD',
      [],
      'EUCAB Coordination unit',
      false,
    );
    const states = orgs
      .filter((o) => o.type === 'national_administration')
      .sort((x, y) => x.code.localeCompare(y.code));
    for (const s of states) {
      const c = s.code.toLowerCase();
      await addUser(
        `${c}.ncp@${DEMO_DOMAIN}`,
        `${s.code} National Contact Point`,
        s.code,
        ['ncp'],
        `NCP of ${s.code}`,
        true,
      );
      await addUser(
        `${c}.analyst@${DEMO_DOMAIN}`,
        `${s.code} Risk Analyst`,
        s.code,
        ['risk_analyst', 'screening_reviewer'],
        `risk analyst of ${s.code}`,
        false,
      );
      await addUser(
        `${c}.expert@${DEMO_DOMAIN}`,
        `${s.code} Expert`,
        s.code,
        [],
        `expert of ${s.code}`,
        false,
      );
    }
    await addUser(
      `be.deputy@${DEMO_DOMAIN}`,
      'BE NCP Deputy',
      'BE',
      ['ncp_deputy'],
      'NCP deputy of BE',
      false,
    );

    const member = async (
      email: string,
      networkCode: string,
      role: NetworkRole,
      status: 'active' | 'requested' | 'endorsed' = 'active',
    ) => {
      const m = await trx
        .insertInto('network_memberships')
        .values({
          network_id: net(networkCode).id,
          user_id: users.get(email)!,
          role,
          status,
          requested_by: users.get(email)!,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      events.push({
        action: `membership.${status}`,
        recordKind: 'membership',
        recordId: m.id,
        changes: { network: networkCode, role, demo: true },
      });
    };
    // Coordinators: one administration's expert coordinates each network; the same person is an
    // expert in another network (one person, two network roles).
    const codes = Object.keys(COORDINATORS);
    for (const [i, n] of codes.entries()) {
      const cc = COORDINATORS[n]!.toLowerCase();
      await member(`${cc}.expert@${DEMO_DOMAIN}`, n, 'coordinator');
      await member(`${cc}.expert@${DEMO_DOMAIN}`, codes[(i + 1) % codes.length]!, 'expert');
    }
    // Experts and analysts of every administration in two or three networks.
    for (const [i, s] of states.entries()) {
      const c = s.code.toLowerCase();
      await member(`${c}.analyst@${DEMO_DOMAIN}`, 'risk-management', 'expert');
      if (Object.values(COORDINATORS).includes(s.code)) continue;
      await member(`${c}.expert@${DEMO_DOMAIN}`, codes[i % codes.length]!, 'expert');
      await member(`${c}.expert@${DEMO_DOMAIN}`, codes[(i + 3) % codes.length]!, 'expert');
    }
    await member(`observer@${DEMO_DOMAIN}`, 'risk-management', 'observer');
    await member(`observer@${DEMO_DOMAIN}`, 'procurement', 'observer');
    await member(`secretariat@${DEMO_DOMAIN}`, 'communication', 'expert');
    // Pending: a request awaiting its NCP, a nomination awaiting the coordinator.
    await member(`at.ncp@${DEMO_DOMAIN}`, 'training', 'expert', 'requested');
    await member(`be.ncp@${DEMO_DOMAIN}`, 'innovation', 'expert', 'endorsed');

    const group = await trx
      .insertInto('sharing_groups')
      .values({
        name: 'Baltic Sea customs group (demo)',
        description: 'Administrations around the Baltic Sea.',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const code of ['DK', 'EE', 'FI', 'LV', 'LT', 'PL', 'SE', 'DE']) {
      await trx
        .insertInto('sharing_group_members')
        .values({ sharing_group_id: group.id, organisation_id: org(code).id })
        .execute();
    }

    // Announcements are registry records (kind `announcement`), written as their authors post
    // them, published at once; the demo starts without notifications.
    const announce = async (
      author: string,
      orgCode: string,
      networkCode: string,
      title: string,
      body: string,
      distribution: Distribution,
      tlp: Tlp,
      recipients: string[] = [],
    ) => {
      const actor = await loadActor(trx, users.get(author)!, null);
      if (!actor?.userId || actor.orgId !== org(orgCode).id) throw new Error(`demo author ${author}`);
      await createRecord(trx, actor as typeof actor & { userId: string; orgId: string }, announcement, {
        data: { title: `[Demo] ${title}`, body, network: networkCode },
        marking: {
          distribution,
          sharingGroupId: distribution === 'sharing_group' ? group.id : null,
          tlp,
          recipientIds: TLP_RULES[tlp].namedRecipientsOnly ? recipients.map((r) => users.get(r)!) : [],
        },
        publish: true,
        isDemo: true,
        notify: false,
      });
    };
    const nl = `nl.expert@${DEMO_DOMAIN}`;
    await announce(
      nl,
      'NL',
      'risk-management',
      'Welcome to the risk management network',
      'This network shares common risk factors and recommendations for risk profiles. Demo content.',
      'public',
      'clear',
    );
    await announce(
      nl,
      'NL',
      'risk-management',
      'Undervaluation of e-bikes from third countries',
      'Several administrations report declared values per kg far below reference prices for e-bikes (HS 8711 60). Demo content.',
      'eucab',
      'green',
    );
    await announce(
      nl,
      'NL',
      'risk-management',
      'Concealment method in refrigerated containers',
      'A new concealment method inside the insulation of reefer containers was found at Rotterdam. Network members only. Demo content.',
      'network',
      'amber',
    );
    await announce(
      nl,
      'NL',
      'risk-management',
      'Internal: staffing of the targeting centre',
      'Visible to the Netherlands customs administration only. Demo content.',
      'organisation',
      'amber_strict',
    );
    await announce(
      nl,
      'NL',
      'risk-management',
      'Ongoing operation: named recipients only',
      'Details of an ongoing operation, for the named recipients only. Demo content.',
      'network',
      'red',
      [`be.expert@${DEMO_DOMAIN}`, `de.analyst@${DEMO_DOMAIN}`],
    );
    await announce(
      `de.expert@${DEMO_DOMAIN}`,
      'DE',
      'procurement',
      'Market consultation for mobile X-ray scanners',
      'Germany plans a market consultation for relocatable X-ray scanners in 2027. Demo content.',
      'eucab',
      'green',
    );
    await announce(
      `pl.expert@${DEMO_DOMAIN}`,
      'PL',
      'third-countries',
      'Baltic Sea: cooperation with neighbouring administrations',
      'Shared with the Baltic Sea customs group. Demo content.',
      'sharing_group',
      'amber',
    );
    await announce(
      `fr.expert@${DEMO_DOMAIN}`,
      'FR',
      'training',
      'Train-the-trainer course on X-ray image analysis',
      'Open to all EUCAB members. Demo content.',
      'eucab',
      'clear',
    );
    await recordAuditMany(trx, systemActor('demo-seed'), events);
    return { password, signIns };
  });
}

/** The demo sign-ins of an already seeded database (for printing at start). */
export async function demoSignIns(db: Database): Promise<DemoSignIn[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.email', 'u.totp_secret', 'u.totp_enabled', 'o.code'])
    .where('u.is_demo', '=', true)
    .where('u.email', 'in', [
      `admin@${DEMO_DOMAIN}`,
      `observer@${DEMO_DOMAIN}`,
      `at.ncp@${DEMO_DOMAIN}`,
      `nl.expert@${DEMO_DOMAIN}`,
      `be.expert@${DEMO_DOMAIN}`,
      `fr.analyst@${DEMO_DOMAIN}`,
    ])
    .orderBy('u.email')
    .execute();
  return rows.map((r) => ({
    email: r.email,
    role: r.code,
    totpSecret: r.totp_enabled ? r.totp_secret : null,
  }));
}
