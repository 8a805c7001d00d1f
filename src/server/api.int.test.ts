import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(async () => t?.close());

describe('API surface', () => {
  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await t.client().get('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/announcements',
        '/api/v1/registry/announcement',
        '/api/v1/users/import',
        '/api/v1/audit',
      ]),
    );
    const login = doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(['email', 'password']);
    expect(login.additionalProperties).toBe(false);
    const docs = await t.client().get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('answers unknown endpoints with problem+json 404 and sets security headers', async () => {
    const res = await t.client().get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, title: 'Not found' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 415 for an unsupported content type and 401 for a malformed Authorization header', async () => {
    const c = t.client();
    const res = await c.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: 'email=a',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode).toBe(415);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Basic abc' },
    });
    expect(bad.statusCode).toBe(401);
  });

  it('rate-limits sign-in attempts per client', async () => {
    const t2 = await createTestApp({ demo: false, env: { RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
    try {
      const c = t2.client();
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await c.post('/api/v1/auth/login', { email: 'x@y.eu', password: 'nope' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t2.close();
    }
  });
});
