import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC_DIR, sourceFiles } from '../testing/source-files.ts';
import { TLP_RULES, type TlpRule } from './tlp.ts';

/**
 * The TLP rules are data (src/access/tlp.ts) that the code reads: a rule nobody reads is a promise
 * the platform does not keep, and a marking written as a literal elsewhere is a rule decided twice.
 */
const SRC = SRC_DIR;

/** Rules that have no reader yet, each with the reason (keep this list short and temporary). */
const PENDING: Partial<Record<keyof TlpRule, string>> = {};

describe('TLP rules are data the code reads', () => {
  const files = sourceFiles(SRC).filter((f) => !f.endsWith(join('access', 'tlp.ts')));
  const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));

  it('every rule of the table has a reader outside the TLP module', () => {
    const keys = Object.keys(TLP_RULES.red).filter((k) => k !== 'label' && k !== 'rule') as (keyof TlpRule)[];
    const unread = keys.filter(
      (k) => !(k in PENDING) && ![...text.values()].some((t) => new RegExp(`\\.${k}\\b`).test(t)),
    );
    expect(unread).toEqual([]);
    // A pending rule that gained a reader leaves the list.
    const nowRead = Object.keys(PENDING).filter((k) =>
      [...text.values()].some((t) => new RegExp(`\\.${k}\\b`).test(t)),
    );
    expect(nowRead).toEqual([]);
  });

  it('no marking is compared as a literal outside the TLP module (migrations and the type aside)', () => {
    // The type and the ordered list of markings are declared in the contract (shared with the web app).
    const literal =
      /(===|!==|==|!=|<>|\s=)\s*'(clear|green|amber|amber_strict|red)'|\[\s*'(clear|green|amber|amber_strict|red)',/;
    const offenders = files
      .filter(
        (f) =>
          !f.includes(join('db', 'migrations')) &&
          !f.endsWith(join('db', 'schema.ts')) &&
          !f.endsWith(join('contract', 'shared-records.ts')),
      )
      .flatMap((f) =>
        text
          .get(f)!
          .split('\n')
          .map((line, i) => ({ line, i }))
          .filter(({ line }) => literal.test(line))
          .map(({ line, i }) => `${relative(SRC, f)}:${i + 1}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
