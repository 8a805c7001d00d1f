import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JsonSchema, probeFor } from '../testing/fuzz/schema-arbitrary.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * Property-based fuzzing of every JSON operation of the OpenAPI document, as authorised callers
 * (a platform administrator and a national contact point, through read-write API keys): path
 * parameters, query strings and bodies are generated from the operation's schemas — half valid,
 * half anything (wrong types, extra fields, NUL characters, lone surrogates, broken JSON). No
 * answer may be a 5xx, and the server keeps answering. FUZZ_RUNS (default 3) sets the runs per
 * operation and caller; CI runs a larger set on one stage. FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const CALLERS = ['admin@demo.eucab.eu', 'de.ncp@demo.eucab.eu'] as const;

interface Operation {
  method: string;
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | undefined;
  multipart: boolean;
}

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
};

function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: op.requestBody?.content?.['application/json']?.schema,
        multipart: Boolean(op.requestBody?.content?.['multipart/form-data']),
      });
    }
  }
  return ops;
}

const asParam = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Percent-encodes every byte, so that any string (a lone surrogate too) becomes a path segment. */
const segment = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

let t: TestApp;
let keys: Record<string, string>;
let operations: Operation[];

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '100000' } });
  keys = {};
  for (const email of CALLERS) {
    const c = await t.as(email);
    const res = await c.post('/api/v1/account/api-keys', {
      name: 'fuzz',
      scopes: ['read', 'write'],
      expiresInDays: 1,
    });
    keys[email] = res.json().key;
  }
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApi;
  operations = operationsOf(doc);
}, 300_000);
afterAll(async () => t?.close());

/** Requests the fuzzer once answered with a 5xx: each stays a fixed case here. */
const FOUND: readonly string[] = [
  // a filter of only separators named no value: an empty IN list reached the database
  '/api/v1/registry/equipment_item/stats?maintenance=%2C&groupBy=country',
  '/api/v1/registry/equipment_item?maintenance=%2C%20%2C',
];

describe('fuzzing every operation of the OpenAPI document', () => {
  it.each(FOUND)('once a 5xx, now a 2xx or 4xx: %s', async (url) => {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${keys[CALLERS[0]]}` },
    });
    expect(res.statusCode).toBeLessThan(500);
  });

  it('finds the operations', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it('no 5xx for generated path parameters, query strings and bodies; the server keeps answering', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      if (op.multipart) continue; // uploads: their own tests (bounded readers, limits)
      const probe = fc.record({
        caller: fc.constantFrom(...CALLERS),
        path: fc.tuple(...op.pathParams.map((p) => probeFor(p.schema))),
        query: fc.tuple(...op.queryParams.map((p) => fc.option(probeFor(p.schema), { nil: undefined }))),
        body: fc.oneof(
          { weight: 9, arbitrary: probeFor(op.body).map((b) => JSON.stringify(b.value)) },
          { weight: 1, arbitrary: fc.constantFrom('{"a":', '\u0000', '[]'.repeat(3), '"x"') },
        ),
      });
      await fc.assert(
        fc.asyncProperty(probe, async ({ caller, path, query, body }) => {
          let url = op.path;
          op.pathParams.forEach((p, i) => {
            url = url.replace(`{${p.name}}`, segment(asParam(path[i]!.value) || 'x'));
          });
          const qs = new URLSearchParams();
          op.queryParams.forEach((p, i) => {
            const v = query[i];
            if (v !== undefined && v.value !== undefined) qs.set(p.name, asParam(v.value));
          });
          const req: InjectOptions = {
            method: op.method as InjectOptions['method'],
            url: qs.size ? `${url}?${qs}` : url,
            headers: { authorization: `Bearer ${keys[caller]}` },
          };
          if (op.method !== 'GET' && op.method !== 'DELETE') {
            req.payload = body;
            req.headers = { ...req.headers, 'content-type': 'application/json' };
          }
          const res = await t.app.inject(req);
          if (res.statusCode >= 500) {
            failures.push(
              `${op.method} ${req.url} (${caller}) body ${String(req.payload).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
            );
          }
          return true;
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 1_800_000);
});
