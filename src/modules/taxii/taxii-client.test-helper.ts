import type { FastifyInstance } from 'fastify';

/**
 * A small TAXII 2.1 client written to the specification (OASIS TAXII 2.1, sections 4–5), for the
 * tests: it sends `Accept: application/taxii+json;version=2.1`, authenticates with HTTP Basic (the
 * API key as the password) or Bearer, checks every reply's media type, and pages through a
 * collection with `added_after`, `limit` and `next`.
 */
export const TAXII = 'application/taxii+json;version=2.1';

export interface Envelope {
  more?: boolean;
  next?: string;
  objects?: { id: string; type: string; modified?: string; revoked?: boolean; [k: string]: unknown }[];
}

export class TaxiiClient {
  constructor(
    private readonly app: FastifyInstance,
    private readonly key: string,
    private readonly auth: 'basic' | 'bearer' = 'basic',
  ) {}

  async raw(url: string, accept = TAXII) {
    const authorization =
      this.auth === 'basic'
        ? `Basic ${Buffer.from(`taxii-client:${this.key}`).toString('base64')}`
        : `Bearer ${this.key}`;
    return this.app.inject({ method: 'GET', url, headers: { accept, authorization } });
  }

  async get<T>(url: string): Promise<{ body: T; headers: Record<string, unknown> }> {
    const res = await this.raw(url);
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    if (!String(res.headers['content-type']).startsWith('application/taxii+json'))
      throw new Error(`GET ${url}: media type ${res.headers['content-type']}`);
    return { body: JSON.parse(res.body) as T, headers: res.headers };
  }

  /** Discovery → the default API root → its collections. */
  async collections() {
    const discovery = (await this.get<{ default: string; api_roots: string[] }>('/taxii2/')).body;
    const root = new URL(discovery.default).pathname;
    await this.get<{ versions: string[] }>(root);
    const { body } = await this.get<{
      collections?: { id: string; title: string; can_read: boolean; can_write: boolean }[];
    }>(`${root}collections/`);
    return { root, collections: body.collections ?? [] };
  }

  /** Every object of a collection added after `addedAfter`, page by page (`limit` per page). */
  async poll(
    root: string,
    collectionId: string,
    opts: { addedAfter?: string; limit?: number; match?: Record<string, string> } = {},
  ) {
    const objects: NonNullable<Envelope['objects']> = [];
    let next: string | undefined;
    let pages = 0;
    let last: string | undefined;
    do {
      const params = new URLSearchParams();
      if (opts.addedAfter) params.set('added_after', opts.addedAfter);
      if (opts.limit) params.set('limit', String(opts.limit));
      for (const [k, v] of Object.entries(opts.match ?? {})) params.set(`match[${k}]`, v);
      if (next) params.set('next', next);
      const { body, headers } = await this.get<Envelope>(
        `${root}collections/${collectionId}/objects/?${params}`,
      );
      objects.push(...(body.objects ?? []));
      if (headers['x-taxii-date-added-last']) last = String(headers['x-taxii-date-added-last']);
      next = body.more ? body.next : undefined;
      pages++;
    } while (next && pages < 1000);
    return { objects, pages, dateAddedLast: last };
  }
}
