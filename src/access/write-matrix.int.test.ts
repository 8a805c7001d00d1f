import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listsLoaded } from '../modules/screening/startup.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { analysisCases, MATRIX_ENV } from '../testing/write-matrix/analysis-cases.ts';
import {
  auditCount,
  CALLERS,
  type CallResult,
  createMatrixCtx,
  runCase,
  type WriteCase,
} from '../testing/write-matrix/harness.ts';
import { innovationCases } from '../testing/write-matrix/innovation-cases.ts';
import { mappingCases } from '../testing/write-matrix/mapping-cases.ts';
import { meetingCases } from '../testing/write-matrix/meeting-cases.ts';
import { messageCases } from '../testing/write-matrix/message-cases.ts';
import { NOT_CALLED, platformCases } from '../testing/write-matrix/platform-cases.ts';
import { registryCases } from '../testing/write-matrix/registry-cases.ts';
import { riskInformationCases } from '../testing/write-matrix/risk-information-cases.ts';
import { riskSharingCases } from '../testing/write-matrix/risk-sharing-cases.ts';
import { thirdCountriesCases } from '../testing/write-matrix/third-countries-cases.ts';
import { threadCases } from '../testing/write-matrix/thread-cases.ts';
import { trainingCases } from '../testing/write-matrix/training-cases.ts';
import { trainingProgrammeCases } from '../testing/write-matrix/training-programme-cases.ts';

/**
 * The generated write matrix (see src/testing/write-matrix/harness.ts): every write operation of
 * the OpenAPI document × every caller, with the exact status each must get; a refused call
 * writes no audit event. Fails when an operation has no case (and no reason in NOT_CALLED).
 */
const WRITE = new Set(['post', 'put', 'patch', 'delete']);
const CASES: WriteCase[] = [
  ...platformCases(),
  ...registryCases(),
  ...analysisCases(),
  ...riskSharingCases(),
  ...mappingCases(),
  ...meetingCases(),
  ...threadCases(),
  ...messageCases(),
  ...trainingCases(),
  ...trainingProgrammeCases(),
  ...innovationCases(),
  ...thirdCountriesCases(),
  ...riskInformationCases(),
];

let t: TestApp;
let ctx: ReturnType<typeof createMatrixCtx>;
let operations: string[] = [];
let doc: { paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>> };
const results: CallResult[] = [];

beforeAll(async () => {
  // Dozens of demo users sign in from one test client: lift the per-client sign-in rate limit.
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000', ...MATRIX_ENV } });
  await listsLoaded(t.rt.db);
  ctx = createMatrixCtx(t);
  doc = t.app.swagger() as typeof doc;
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => WRITE.has(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}, 180_000);

afterAll(async () => {
  if (results.length) {
    const short: Record<string, string> = {
      anonymous: 'anon',
      readOnlyOrg: 'r/o org',
      readKey: 'read key',
      writeKey: 'write key',
      otherOrg: 'other adm',
      sameOrgNoRole: 'no role',
      owner: 'owner',
    };
    const lines = [`${'operation'.padEnd(78)} ${CALLERS.map((c) => short[c]!.padStart(9)).join(' ')}`];
    for (const c of CASES) {
      const row = results.filter((r) => r.c === c);
      if (!row.length) continue;
      const name = `${c.op}${c.variant ? ` [${c.variant}]` : ''}`.slice(0, 78).padEnd(78);
      lines.push(
        `${name} ${CALLERS.map((caller) => {
          const r = row.find((x) => x.caller === caller);
          return String(r?.got ?? (r?.want === null ? 'n/a' : '?')).padStart(9);
        }).join(' ')}`,
      );
    }
    console.log(`Write matrix (${results.filter((r) => r.got !== null).length} calls):\n${lines.join('\n')}`);
  }
  await t?.close();
});

describe('write matrix', () => {
  it('covers every write operation of the OpenAPI document', () => {
    const covered = new Set(CASES.map((c) => c.op));
    const missing = operations.filter((op) => !covered.has(op) && !(op in NOT_CALLED));
    expect(missing, 'write operations without a case in src/testing/write-matrix').toEqual([]);
    const unknown = [...covered].filter((op) => !operations.includes(op));
    expect(unknown, 'cases naming an operation the API does not have').toEqual([]);
  });

  it('every operation declares its API-key scope in the OpenAPI document', () => {
    const undeclared = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => {
          const scopes = op.security?.find((s) => 'apiKey' in s)?.apiKey ?? [];
          return scopes.length !== 1 || !['read', 'write'].includes(scopes[0]!);
        })
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('a write-only key reads nothing and a read-only key writes nothing (the auth hook, for every operation)', async () => {
    const keys = {
      read: await ctx.keyOf('at.analyst@demo.eucab.eu', 'read'),
      write: await ctx.keyOf('at.analyst@demo.eucab.eu', 'write'),
    };
    const wrong: string[] = [];
    let calls = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      // Any value reaches the hook: it refuses before parameters are validated or a route runs.
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const [m, op] of Object.entries(ops)) {
        const need = op.security?.find((s) => 'apiKey' in s)?.apiKey?.[0];
        const other = need === 'read' ? keys.write : keys.read;
        const before = await auditCount(t);
        const res = await t.app.inject({
          method: m.toUpperCase() as 'GET',
          url,
          headers: { authorization: `Bearer ${other}` },
        });
        calls++;
        if (res.statusCode !== 403 || !/scope/.test(res.json().detail))
          wrong.push(
            `${m.toUpperCase()} ${path} (needs ${need}): ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        if ((await auditCount(t)) !== before) wrong.push(`${m.toUpperCase()} ${path}: wrote an audit event`);
      }
    }
    console.log(`Scope check: ${calls} operations called with the key of the other scope, all refused.`);
    expect(wrong).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.op}${c.variant ? ` [${c.variant}]` : ''}`, async () => {
      const method = c.op.split(' ')[0]!;
      const got = await runCase(ctx, c, method);
      results.push(...got);
      const wrong = got
        .filter((r) => r.want !== null && r.got !== r.want)
        .map((r) => `${r.caller}: expected ${r.want}, got ${r.got} ${r.body}`);
      const leaked = got
        .filter((r) => r.auditChanged)
        .map((r) => `${r.caller}: a refused call wrote an audit event`);
      expect([...wrong, ...leaked]).toEqual([]);
    });
  }

  // After the cases: the registry now holds records of every kind.
  it('the abilities sent to a read-scope key say it may not write', async () => {
    const key = await ctx.keyOf('nl.expert@demo.eucab.eu', 'read');
    const get = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
    const kinds = (await get('/api/v1/registry')).json().kinds as { abilities: Record<string, boolean> }[];
    expect(kinds.every((k) => !k.abilities.create && !k.abilities.import)).toBe(true);
    const list = (await get('/api/v1/registry/equipment_model?limit=5')).json().items as {
      abilities: Record<string, boolean>;
    }[];
    expect(list.length).toBeGreaterThan(0);
    for (const r of list)
      expect([r.abilities.update, r.abilities.share, r.abilities.comment]).toEqual([false, false, false]);
  });
});
