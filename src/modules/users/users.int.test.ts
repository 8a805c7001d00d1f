import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let ncp: TestClient;
let atId: string;
let beId: string;

function csvUpload(c: TestClient, url: string, csv: string, name = 'users.csv') {
  const boundary = '----eucabtest';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return c.request({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  ncp = await t.as('at.ncp@demo.eucab.eu');
  const orgs = (await ncp.get('/api/v1/organisations')).json().items as { id: string; code: string }[];
  atId = orgs.find((o) => o.code === 'AT')!.id;
  beId = orgs.find((o) => o.code === 'BE')!.id;
});
afterAll(async () => t?.close());

describe('user management endpoint ladder', () => {
  it('401 anonymous → 400 bad body → 403 other administration → 201 own administration', async () => {
    const body = { email: 'ladder@at.test', displayName: 'Ladder', organisationId: atId };
    expect((await t.client().post('/api/v1/users', body)).statusCode).toBe(401);
    const bad = await ncp.post('/api/v1/users', { ...body, email: 'not-an-email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.email');
    expect((await ncp.post('/api/v1/users', { ...body, organisationId: beId })).statusCode).toBe(403);
    const ok = await ncp.post('/api/v1/users', body);
    expect(ok.statusCode).toBe(201);
    const observer = await t.as('observer@demo.eucab.eu');
    expect((await observer.get('/api/v1/users')).statusCode).toBe(403);
  });

  it('the NCP grants organisation roles in their administration only, and never NCP or admin', async () => {
    const uid = await t.userId('at.expert@demo.eucab.eu');
    expect((await ncp.put(`/api/v1/users/${uid}/roles/risk_analyst`)).statusCode).toBe(204);
    expect((await ncp.put(`/api/v1/users/${uid}/roles/platform_admin`)).statusCode).toBe(403);
    expect((await ncp.put(`/api/v1/users/${uid}/roles/ncp`)).statusCode).toBe(403);
    const be = await t.userId('be.expert@demo.eucab.eu');
    expect((await ncp.put(`/api/v1/users/${be}/roles/risk_analyst`)).statusCode).toBe(404);
    expect((await ncp.put(`/api/v1/users/${uid}/roles/not_a_role`)).statusCode).toBe(400);
    const roles = (await ncp.get(`/api/v1/users/${uid}`)).json().roles.map((r: { role: string }) => r.role);
    expect(roles).toContain('risk_analyst');
  });

  it('nobody changes their own roles: a deputy cannot make themself analyst, an NCP cannot drop NCP', async () => {
    const deputy = await t.as('be.deputy@demo.eucab.eu');
    const deputyId = await t.userId('be.deputy@demo.eucab.eu');
    const before = await t.rt.db
      .selectFrom('role_grants')
      .select('role')
      .where('user_id', '=', deputyId)
      .execute();
    const self = await deputy.put(`/api/v1/users/${deputyId}/roles/risk_analyst`);
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/own roles/);
    expect((await deputy.delete(`/api/v1/users/${deputyId}/roles/ncp_deputy`)).statusCode).toBe(403);
    const after = await t.rt.db
      .selectFrom('role_grants')
      .select('role')
      .where('user_id', '=', deputyId)
      .execute();
    expect(after).toEqual(before);
    // The page offers no role controls on one's own account; the same deputy grants a colleague.
    expect((await deputy.get(`/api/v1/users/${deputyId}`)).json().abilities.grantableRoles).toEqual([]);
    const colleague = await t.userId('be.expert@demo.eucab.eu');
    expect((await deputy.get(`/api/v1/users/${colleague}`)).json().abilities.grantableRoles).toContain(
      'risk_analyst',
    );
    expect((await deputy.put(`/api/v1/users/${colleague}/roles/risk_analyst`)).statusCode).toBe(204);
    const ncpId = await t.userId('at.ncp@demo.eucab.eu');
    expect((await ncp.delete(`/api/v1/users/${ncpId}/roles/ncp`)).statusCode).toBe(403);
    const admin = await t.as('admin@demo.eucab.eu');
    expect(
      (await admin.delete(`/api/v1/users/${await t.userId('admin@demo.eucab.eu')}/roles/platform_admin`))
        .statusCode,
    ).toBe(403);
  });

  it('disabling a user ends their sessions', async () => {
    const victim = await t.as('at.analyst@demo.eucab.eu');
    expect((await victim.get('/api/v1/auth/me')).json().stage).toBe('full');
    const uid = await t.userId('at.analyst@demo.eucab.eu');
    expect((await ncp.patch(`/api/v1/users/${uid}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await victim.get('/api/v1/auth/me')).json().stage).toBe('anonymous');
    expect((await ncp.patch(`/api/v1/users/${uid}`, { status: 'active' })).statusCode).toBe(200);
  });
});

describe('user import from CSV', () => {
  it('a dry run reports every bad cell with line, column and reason, and writes nothing', async () => {
    const csv = [
      'email,display_name,locale,roles',
      'anna@at.test,Anna Berger,de,risk_analyst',
      'not-an-email,Bad Mail,en,',
      'carl@at.test,,en,',
      'dora@at.test,Dora,xx,',
      'anna@at.test,Anna Again,en,',
      'eva@at.test,Eva,en,ncp',
      'be.expert@demo.eucab.eu,Belgian,en,',
    ].join('\n');
    const count = async () =>
      (
        await t.rt.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const res = await csvUpload(ncp, `/api/v1/users/import?organisationId=${atId}&dryRun=true`, csv);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.errors).toEqual([
      { line: 3, column: 'email', reason: expect.stringContaining('not an e-mail') },
      { line: 4, column: 'display_name', reason: 'The name is empty.' },
      { line: 5, column: 'locale', reason: expect.stringContaining('not a supported language') },
      { line: 6, column: 'email', reason: 'The same address is on line 2.' },
      { line: 7, column: 'roles', reason: 'You may not grant the role "ncp".' },
      { line: 8, column: 'email', reason: 'This address belongs to a user of another organisation.' },
    ]);
    expect(r.wouldInsert).toBe(1);
    const commit = await csvUpload(ncp, `/api/v1/users/import?organisationId=${atId}&dryRun=false`, csv);
    expect(commit.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it('rejects a file with an unknown column or no header', async () => {
    const res = await csvUpload(ncp, `/api/v1/users/import?organisationId=${atId}`, 'mail,name\na@b.eu,A');
    expect(res.json().errors.map((e: { column: string }) => e.column)).toEqual([
      'mail',
      'name',
      'email',
      'display_name',
    ]);
    const empty = await csvUpload(ncp, `/api/v1/users/import?organisationId=${atId}`, '');
    expect(empty.json().errors[0].reason).toMatch(/empty/);
    const other = await csvUpload(
      ncp,
      `/api/v1/users/import?organisationId=${beId}`,
      'email,display_name\na@b.eu,A',
    );
    expect(other.statusCode).toBe(403);
  });

  it('commits in the background; a re-import updates instead of duplicating', async () => {
    const csv = 'email,display_name,roles\nfranz@at.test,Franz,risk_analyst\ngreta@at.test,Greta,';
    const res = await csvUpload(ncp, `/api/v1/users/import?organisationId=${atId}&dryRun=false`, csv);
    expect(res.statusCode).toBe(202);
    await t.waitForJob(res.json().jobId);
    const job = (await ncp.get(`/api/v1/users/import/${res.json().jobId}`)).json();
    expect(job).toMatchObject({ status: 'published', inserted: 2, updated: 0 });
    const again = await csvUpload(
      ncp,
      `/api/v1/users/import?organisationId=${atId}&dryRun=false`,
      'email,display_name\nFRANZ@at.test,Franz Huber\ngreta@at.test,Greta',
    );
    await t.waitForJob(again.json().jobId);
    expect((await ncp.get(`/api/v1/users/import/${again.json().jobId}`)).json()).toMatchObject({
      status: 'published',
      inserted: 0,
      updated: 1,
    });
    const franz = await t.rt.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'franz@at.test')
      .execute();
    expect(franz).toHaveLength(1);
    expect(franz[0]!.display_name).toBe('Franz Huber');
    const grants = await t.rt.db
      .selectFrom('role_grants')
      .select('role')
      .where('user_id', '=', franz[0]!.id)
      .execute();
    expect(grants.map((g) => g.role)).toEqual(['risk_analyst']);
    const ev = await t.rt.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.import_published')
      .execute();
    expect(ev).toHaveLength(2);
    expect(ev[0]!.changes).toMatchObject({
      inserted: 2,
      updated: 0,
      file_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('on the embedded database, pages are answered while a 20,000-user import is still running', async () => {
    const rows = ['email,display_name'];
    for (let i = 0; i < 20_000; i++) rows.push(`bulk${i}@at.test,Bulk User ${i}`);
    const res = await csvUpload(
      ncp,
      `/api/v1/users/import?organisationId=${atId}&dryRun=false`,
      rows.join('\n'),
      'bulk.csv',
    );
    expect(res.statusCode).toBe(202);
    const jobId = res.json().jobId as string;
    const events: string[] = [];
    const done = t.waitForJob(jobId).then(() => events.push('import finished'));
    // Ask for pages while the import runs; record the order in which things complete.
    for (let i = 0; i < 5; i++) {
      const page = await ncp.get('/api/v1/networks');
      expect(page.statusCode).toBe(200);
      const progress = (await ncp.get(`/api/v1/users/import/${jobId}`)).json();
      events.push(`page answered while ${progress.status} (${progress.staged_rows}/${progress.total_rows})`);
    }
    await done;
    expect(events.at(-1)).toBe('import finished');
    expect(events.filter((e) => e.startsWith('page answered while staging')).length).toBeGreaterThan(0);
    const job = (await ncp.get(`/api/v1/users/import/${jobId}`)).json();
    expect(job).toMatchObject({ status: 'published', inserted: 20_000 });
    console.log(events.join('\n'));
  });

  it('a cancelled import leaves nothing', async () => {
    const rows = ['email,display_name'];
    for (let i = 0; i < 5_000; i++) rows.push(`cancel${i}@at.test,Cancel ${i}`);
    const res = await csvUpload(
      ncp,
      `/api/v1/users/import?organisationId=${atId}&dryRun=false`,
      rows.join('\n'),
    );
    const jobId = res.json().jobId as string;
    const cancel = await ncp.post(`/api/v1/users/import/${jobId}/cancel`);
    expect(cancel.statusCode).toBe(200);
    await t.waitForJob(jobId);
    const left = await t.rt.db.selectFrom('users').select('id').where('email', 'like', 'cancel%').execute();
    expect(left).toEqual([]);
    const staged = await t.rt.db
      .selectFrom('import_rows')
      .select('line')
      .where('job_id', '=', jobId)
      .execute();
    expect(staged).toEqual([]);
  });
});
