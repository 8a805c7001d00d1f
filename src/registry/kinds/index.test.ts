import { describe, expect, it } from 'vitest';
import { AREAS } from '../definition.ts';
import { KIND_FILES, KINDS } from './index.ts';
import { tender } from './procurement/tender.kind.ts';

/** KINDS is found, not listed: one definition per `*.kind.ts` file, named after its kind. */
describe('registry kinds: discovered from their files', () => {
  it('every *.kind.ts file gives one kind, named like its file, ordered by area then path', () => {
    expect(KINDS).toHaveLength(KIND_FILES.length);
    expect(new Set(KINDS.map((k) => k.name)).size).toBe(KINDS.length);
    const fileOf = new Map(
      KIND_FILES.map((f) => [
        f
          .split('/')
          .pop()!
          .replace(/\.kind\.ts$/, ''),
        f,
      ]),
    );
    for (const k of KINDS) expect(fileOf.has(k.name.replace(/_/g, '-')), k.name).toBe(true);
    const areas = KINDS.map((k) => AREAS.indexOf(k.area));
    expect(areas).toEqual([...areas].sort((a, b) => a - b));
  });

  it('a definition imported directly is the one in KINDS (one module, one object)', () => {
    expect(KINDS).toContain(tender);
  });
});
