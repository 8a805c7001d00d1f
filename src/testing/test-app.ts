import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { type Config, loadConfig } from '../config/config.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import type { JobRunnerOptions } from '../jobs/job-runner.ts';
import type { Mail, Mailer } from '../mail/mailer.ts';
import { type DemoCredentials, seedDemoData } from '../seed/demo-data.ts';
import { buildApp } from '../server/app.ts';
import { createRuntime } from '../server/runtime.ts';
import { openTestDatabase } from './test-database.ts';

export const DEMO_PASSWORD = 'demo-password-for-tests-1';

export interface TestApp {
  app: FastifyInstance;
  rt: Awaited<ReturnType<typeof createRuntime>>;
  config: Config;
  creds: DemoCredentials;
  mails: Mail[];
  /** A cookie-keeping client; `as(email)` signs a demo user in (with TOTP when needed). */
  client(): TestClient;
  as(email: string): Promise<TestClient>;
  userId(email: string): Promise<string>;
  /** Resolves with the job's row once it has finished (succeeded, failed or cancelled). */
  waitForJob(id: string, timeoutMs?: number): ReturnType<TestApp['rt']['jobs']['waitForJob']>;
  close(): Promise<void>;
}

export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;
  constructor(private app: FastifyInstance) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private absorb(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && new Date(c.expires).getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async token(): Promise<string> {
    if (!this.csrf) {
      const res = await this.app.inject({
        method: 'GET',
        url: '/api/v1/auth/csrf',
        headers: { cookie: this.cookieHeader() },
      });
      this.absorb(res);
      this.csrf = res.json().token;
    }
    return this.csrf!;
  }

  async request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const method = (opts.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (method !== 'GET' && opts.csrf !== false) headers['x-csrf-token'] = await this.token();
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const res = await this.app.inject({ ...opts, headers });
    this.absorb(res);
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({
      method: 'POST',
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  }
  patch(url: string, payload: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  put(url: string, payload?: unknown) {
    return this.request({
      method: 'PUT',
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

const lastStep = new Map<string, number>();

/**
 * A valid TOTP code for the secret. The server accepts each time step once (no replay), so
 * successive codes for the same secret use successive steps (the next step is within the
 * server's ±1-step tolerance); when two are used up, it waits for the clock.
 */
export async function totpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now, (lastStep.get(secret) ?? -1) + 1);
    if (step <= now + 1) {
      lastStep.set(secret, step);
      return generate({ secret, epoch: step * 30 });
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function createTestApp(
  opts: {
    env?: Record<string, string>;
    demo?: boolean;
    jobs?: Partial<JobRunnerOptions>;
    /**
     * Prepares the fresh database before the app migrates it to the latest (e.g. migrated to an
     * earlier migration and filled as an earlier release did); returns the demo credentials it
     * seeded. The demo data is then not seeded again.
     */
    prepare?: (handle: DatabaseHandle) => Promise<DemoCredentials>;
    /** Receives the server's log lines (with `env.LOG_LEVEL` other than `silent`). */
    logStream?: { write(line: string): void };
  } = {},
): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    PUBLIC_URL: 'http://127.0.0.1:3999',
    WEB_DIST: './web/dist-absent',
    ...opts.env,
  });
  const handle = await openTestDatabase();
  const prepared = opts.prepare ? await opts.prepare(handle) : null;
  const mails: Mail[] = [];
  const mailer: Mailer = { send: async (m) => void mails.push(m) };
  const rt = await createRuntime(config, {
    handle,
    mailer,
    log: () => {},
    ...(opts.jobs ? { jobs: opts.jobs } : {}),
  });
  const creds = prepared
    ? prepared
    : opts.demo === false
      ? { password: '', signIns: [] }
      : await seedDemoData(rt.db, { password: DEMO_PASSWORD });
  const app = await buildApp(rt, opts.logStream ? { logStream: opts.logStream } : {});
  await app.ready();
  await rt.jobs.start();
  const t: TestApp = {
    app,
    rt,
    config,
    creds,
    mails,
    client: () => new TestClient(app),
    async as(email: string) {
      const c = new TestClient(app);
      const res = await c.post('/api/v1/auth/login', { email, password: DEMO_PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
      if (res.json().stage === 'mfa') {
        const secret = creds.signIns.find((s) => s.email === email)?.totpSecret;
        if (!secret) throw new Error(`no TOTP secret for ${email}`);
        const r2 = await c.post('/api/v1/auth/totp', { code: await totpCode(secret) });
        if (r2.statusCode !== 200) throw new Error(`totp ${email}: ${r2.statusCode} ${r2.body}`);
      }
      return c;
    },
    async userId(email: string) {
      const u = await rt.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      return u.id;
    },
    waitForJob: (id: string, timeoutMs?: number) => rt.jobs.waitForJob(id, timeoutMs),
    async close() {
      await app.close();
      await rt.close();
    },
  };
  return t;
}
