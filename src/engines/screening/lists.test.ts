import { describe, expect, it } from 'vitest';
import { diffEntities, entriesToRescreen, makeVersion, suppressionHolds } from './lists.ts';
import { type Entity, emptyEntity, entityHash } from './model.ts';

const e = (id: string, name: string, extra: Partial<Entity> = {}): Entity => ({
  ...emptyEntity(id, 'person', 'test'),
  names: [{ value: name, strength: 'primary' }],
  ...extra,
});

describe('list versions and diff', () => {
  it('hashes entity content independently of key order', () => {
    const a = e('x', 'A');
    const b = Object.fromEntries(Object.entries(a).reverse()) as unknown as Entity;
    expect(entityHash(a)).toBe(entityHash(b));
    expect(entityHash(a)).not.toBe(entityHash(e('x', 'B')));
  });

  it('reports added, removed and amended entries with the fields that changed', () => {
    const v1 = [e('1', 'Alpha'), e('2', 'Beta'), e('3', 'Gamma')];
    const v2 = [e('1', 'Alpha'), e('3', 'Gamma', { remarks: ['re-listed'] }), e('4', 'Delta')];
    const d = diffEntities(v1, v2);
    expect(d.added.map((x) => x.id)).toEqual(['4']);
    expect(d.removed.map((x) => x.id)).toEqual(['2']);
    expect(d.amended.map((x) => [x.id, x.changed])).toEqual([['3', ['remarks']]]);
    expect(d.unchanged).toBe(1);
  });

  it('names the entries to re-screen and keeps a dismissal while the entry is unchanged', () => {
    const src = { listId: 't', format: 'ftm-jsonl' as const, location: 'x' };
    const v1 = makeVersion(src, [e('1', 'Alpha'), e('2', 'Beta')]);
    const v2 = makeVersion(src, [e('1', 'Alpha'), e('2', 'Beta', { remarks: ['amended'] }), e('3', 'Gamma')]);
    const d = diffEntities(v1.entities, v2.entities);
    expect(entriesToRescreen(d).map((x) => x.id)).toEqual(['3', '2']);
    const dismissed = v1.hashes.get('1')!;
    expect(suppressionHolds(dismissed, '1', v2)).toBe(true);
    expect(suppressionHolds(v1.hashes.get('2')!, '2', v2)).toBe(false);
    expect(suppressionHolds(dismissed, '9', v2)).toBe(false);
  });

  it('gives equal version ids to equal content and different ones otherwise', () => {
    const src = { listId: 't', format: 'ftm-jsonl' as const, location: 'x' };
    const a = makeVersion(src, [e('1', 'A'), e('2', 'B')]);
    const b = makeVersion(src, [e('2', 'B'), e('1', 'A')]);
    const c = makeVersion(src, [e('1', 'A')]);
    expect(a.versionId).toBe(b.versionId);
    expect(a.versionId).not.toBe(c.versionId);
    expect(a.hashes.get('1')).toBe(entityHash(e('1', 'A')));
  });
});

describe('loading from a URL', () => {
  it('streams an EU FSF XML file over HTTP', async () => {
    const { createServer } = await import('node:http');
    const { readFileSync } = await import('node:fs');
    const { loadList } = await import('./lists.ts');
    const body = readFileSync(new URL('./testdata/eu_fsf_handmade.xml', import.meta.url));
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const v = await loadList({
        listId: 'eu-fsf',
        format: 'eu-fsf-xml',
        location: `http://127.0.0.1:${port}/fsf.xml`,
      });
      expect(v.entities.map((e) => e.id)).toEqual(['eu-fsf-900001', 'eu-fsf-900002', 'eu-fsf-900003']);
    } finally {
      server.close();
    }
  });
});
