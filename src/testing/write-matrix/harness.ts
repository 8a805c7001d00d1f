import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { TestApp, TestClient } from '../test-app.ts';

/**
 * The generated write matrix (trust issue): every write operation of the OpenAPI document is
 * called by every caller below and must answer exactly the status its case expects. Callers:
 *
 * | caller          | who                                                                  |
 * |-----------------|----------------------------------------------------------------------|
 * | anonymous       | no credentials                                                       |
 * | readOnlyOrg     | a user of the read-only organisation (the Commission observer)        |
 * | readKey         | an API key of the case's owner with the `read` scope only             |
 * | writeKey        | an API key of the case's owner with the `write` scope only            |
 * | otherOrg        | a user of another administration (same roles as the owner there)      |
 * | sameOrgNoRole   | a user of the owner's administration without the role the call needs  |
 * | owner           | the caller the operation is for (author, NCP, analyst, administrator) |
 *
 * Each call gets a fresh target from the case's `prepare` (so an allowed call really succeeds and
 * a denied one can be checked to change nothing: no audit event is written by a refused call).
 * A module adds its write operations by adding cases; a registry kind adds itself by its
 * definition's example record (registry cases are generated from the definitions).
 */
export const CALLERS = [
  'anonymous',
  'readOnlyOrg',
  'readKey',
  'writeKey',
  'otherOrg',
  'sameOrgNoRole',
  'owner',
] as const;
export type Caller = (typeof CALLERS)[number];

export const OBSERVER = 'observer@demo.eucab.eu';

export interface Multipart {
  field?: string;
  filename: string;
  content: string | Buffer;
  contentType?: string;
  /** Other form fields, sent before the file. */
  fields?: Record<string, string>;
}

/** What one call sends: its URL (path parameters filled in), and a JSON body or an upload. */
export interface Prepared {
  url: string;
  body?: unknown;
  upload?: Multipart;
  /** Data for `cleanup` (e.g. the id of a fixture job to close). */
  state?: Record<string, string>;
}

export interface MatrixCtx {
  t: TestApp;
  /** A signed-in session of a demo user (cached). */
  as(email: string): Promise<TestClient>;
  userId(email: string): Promise<string>;
  orgId(code: string): Promise<string>;
  networkId(code: string): Promise<string>;
  /** Calls the API as the owner-like user and fails the test on an unexpected status. */
  // biome-ignore lint/suspicious/noExplicitAny: fixture responses are read loosely, field by field
  ok(email: string, method: string, url: string, body?: unknown, upload?: Multipart): Promise<any>;
  /** Waits until every job the platform started has finished and the outbox is drained. */
  settle(): Promise<void>;
  /** A unique token for names and keys. */
  token(): string;
}

/** Expected status per caller; `null` = not applicable (the reason says why). */
export type Expect = Partial<Record<Caller, number | null>>;

export interface WriteCase {
  /** `METHOD /api/v1/path/{param}` exactly as in the OpenAPI document. */
  op: string;
  /** Distinguishes several cases of one operation (e.g. a kind, or a workflow state). */
  variant?: string;
  owner: string;
  /** Defaults: another administration's user of the same standing (see `defaultOther`). */
  otherOrg: string;
  sameOrgNoRole: string;
  /** Exact statuses; missing callers take the defaults of `expected()`. */
  expect: Expect & { owner: number };
  /** Why a caller is not applicable, when `expect` has a null. */
  notApplicable?: string;
  /** Builds a fresh target for one call by `caller` (created as the owner, through the API or the database). */
  prepare(ctx: MatrixCtx, caller: Caller): Promise<Prepared>;
  /** After each call (e.g. close a fixture job a refused call left open). */
  cleanup?(ctx: MatrixCtx, prepared: Prepared, res: LightMyRequestResponse): Promise<void>;
}

/**
 * Defaults: anonymous 401; the read-only organisation, a read-scope key, another administration
 * and a colleague without the role are refused with 403; a write-scope key of the owner does what
 * the owner does.
 */
export function expected(c: WriteCase, caller: Caller): number | null {
  if (caller in c.expect) return c.expect[caller] ?? null;
  switch (caller) {
    case 'anonymous':
      return 401;
    case 'writeKey':
      return c.expect.owner;
    default:
      return 403;
  }
}

export function multipartPayload(u: Multipart): Pick<InjectOptions, 'payload' | 'headers'> {
  const boundary = '----eucabwritematrix';
  let fields = '';
  for (const [k, v] of Object.entries(u.fields ?? {}))
    fields += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  const head = Buffer.from(
    `${fields}--${boundary}\r\nContent-Disposition: form-data; name="${u.field ?? 'file'}"; filename="${u.filename}"\r\nContent-Type: ${u.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.isBuffer(u.content) ? u.content : Buffer.from(u.content);
  return {
    payload: Buffer.concat([head, body, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function requestOptions(method: string, p: { url: string; body?: unknown; upload?: Multipart }) {
  if (p.upload) return { method, url: p.url, ...multipartPayload(p.upload) } as InjectOptions;
  return {
    method,
    url: p.url,
    ...(p.body === undefined ? {} : { payload: p.body as InjectOptions['payload'] }),
  } as InjectOptions;
}

export function createMatrixCtx(t: TestApp): MatrixCtx & {
  keyOf(email: string, scope: 'read' | 'write'): Promise<string>;
} {
  const sessions = new Map<string, Promise<TestClient>>();
  const keys = new Map<string, string>();
  const ids = new Map<string, string>();
  let n = 0;
  const as = (email: string) => {
    let s = sessions.get(email);
    if (!s) {
      s = t.as(email);
      sessions.set(email, s);
    }
    return s;
  };
  const idOf = async (table: 'organisations' | 'networks', code: string) => {
    const k = `${table}:${code}`;
    if (!ids.has(k)) {
      const row = await t.rt.db
        .selectFrom(table)
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      ids.set(k, row.id);
    }
    return ids.get(k)!;
  };
  const ctx = {
    t,
    as,
    userId: (email: string) => t.userId(email),
    orgId: (code: string) => idOf('organisations', code),
    networkId: (code: string) => idOf('networks', code),
    token: () => `wm${Date.now().toString(36)}${(n++).toString(36)}`,
    async ok(email: string, method: string, url: string, body?: unknown, upload?: Multipart) {
      const c = await as(email);
      const res = await c.request(requestOptions(method, { url, body, upload }));
      if (res.statusCode >= 300)
        throw new Error(`fixture ${method} ${url} as ${email}: ${res.statusCode} ${res.body}`);
      return res.body ? res.json() : null;
    },
    async settle() {
      for (;;) {
        const open = await t.rt.db
          .selectFrom('jobs')
          .select('id')
          .where('state', 'in', ['queued', 'running'])
          .where('queue_message_id', 'is not', null) // fixture jobs (never queued) excepted
          .execute();
        if (!open.length) break;
        for (const j of open) await t.waitForJob(j.id, 120_000);
      }
      await t.rt.outbox.drain();
    },
    async keyOf(email: string, scope: 'read' | 'write') {
      const k = `${email}:${scope}`;
      if (!keys.has(k)) {
        const res = await ctx.ok(email, 'POST', '/api/v1/account/api-keys', {
          name: `matrix ${scope}`,
          scopes: [scope],
          expiresInDays: 1,
        });
        keys.set(k, res.key);
      }
      return keys.get(k)!;
    },
  };
  return ctx;
}

/** A queued job row that no runner will pick up (no queue message): a target for cancel calls. */
export async function fixtureJob(
  ctx: MatrixCtx,
  email: string,
  kind = 'matrix.fixture',
  data: Record<string, unknown> = {},
): Promise<string> {
  const u = await ctx.t.rt.db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const row = await ctx.t.rt.db
    .insertInto('jobs')
    .values({ kind, organisation_id: u.organisation_id, created_by: u.id, data: JSON.stringify(data) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Closes a fixture job that a refused call left queued (so per-user job caps stay free). */
export async function closeFixtureJob(ctx: MatrixCtx, id: string | undefined) {
  if (!id) return;
  await ctx.t.rt.db
    .updateTable('jobs')
    .set({ state: 'cancelled', finished_at: new Date() })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .execute();
}

export async function auditCount(t: TestApp): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events`.execute(t.rt.db);
  return r.rows[0]!.n;
}

export interface CallResult {
  c: WriteCase;
  caller: Caller;
  want: number | null;
  got: number | null;
  body: string;
  auditChanged: boolean;
}

/** How a caller sends a request: no credentials, an API key of the owner, or a signed-in session. */
async function sender(
  ctx: ReturnType<typeof createMatrixCtx>,
  c: WriteCase,
  caller: Caller,
): Promise<(opts: InjectOptions) => Promise<LightMyRequestResponse>> {
  if (caller === 'anonymous') return (opts) => ctx.t.client().request(opts);
  if (caller === 'readKey' || caller === 'writeKey') {
    const key = await ctx.keyOf(c.owner, caller === 'readKey' ? 'read' : 'write');
    return (opts) =>
      ctx.t.app.inject({
        ...opts,
        headers: { ...(opts.headers as Record<string, string>), authorization: `Bearer ${key}` },
      });
  }
  const email = {
    readOnlyOrg: OBSERVER,
    otherOrg: c.otherOrg,
    sameOrgNoRole: c.sameOrgNoRole,
    owner: c.owner,
  }[caller];
  const session = await ctx.as(email);
  return (opts) => session.request(opts);
}

/** Calls one case as every caller; returns what each got (the test asserts and prints them). */
export async function runCase(
  ctx: ReturnType<typeof createMatrixCtx>,
  c: WriteCase,
  method: string,
): Promise<CallResult[]> {
  const out: CallResult[] = [];
  for (const caller of CALLERS) {
    const want = expected(c, caller);
    if (want === null) {
      out.push({ c, caller, want, got: null, body: '', auditChanged: false });
      continue;
    }
    // Sign-ins and keys are made before the count (they write audit events of their own).
    const send = await sender(ctx, c, caller);
    const prepared = await c.prepare(ctx, caller);
    await ctx.settle();
    const before = await auditCount(ctx.t);
    const res = await send(requestOptions(method, prepared));
    const refused = res.statusCode >= 400;
    let auditChanged = false;
    if (refused) {
      await ctx.settle();
      auditChanged = (await auditCount(ctx.t)) !== before;
    }
    out.push({ c, caller, want, got: res.statusCode, body: res.body.slice(0, 300), auditChanged });
    if (c.cleanup) await c.cleanup(ctx, prepared, res);
    if (!refused) await ctx.settle();
  }
  return out;
}
