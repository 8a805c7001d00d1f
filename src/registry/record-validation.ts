import type { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { readableRecords } from '../access/registry-policy.ts';
import type { Trx } from '../core/context.ts';
import type { Database } from '../db/connection.ts';
import type { KindDefinition } from './definition.ts';
import { collectReferences, dataSchema } from './field-schema.ts';
import { kindByName } from './kinds/index.ts';

export interface FieldError {
  field: string;
  message: string;
}

export type Validated = { ok: true; data: Record<string, unknown> } | { ok: false; errors: FieldError[] };

const schemas = new Map<string, z.ZodType>();
function schemaOf(kind: KindDefinition) {
  let s = schemas.get(kind.name);
  if (!s) {
    s = dataSchema(kind);
    schemas.set(kind.name, s);
  }
  return s;
}

/** Structure (zod, from the definition) — no database needed; used for import rows too. */
export function parseData(kind: KindDefinition, input: unknown): Validated {
  const r = schemaOf(kind).safeParse(input);
  if (r.success) {
    // Drop empty optional values so stored data stays small and diffs stay meaningful.
    const data = Object.fromEntries(
      Object.entries(r.data as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined),
    );
    return { ok: true, data };
  }
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ field: i.path.join('.') || '(record)', message: i.message })),
  };
}

/**
 * References in the data: codes must be active entries of their code list, references must be
 * records of the named kind that the actor may read, organisations and networks must exist.
 */
export async function checkReferences(
  db: Database | Trx,
  a: Actor,
  kind: KindDefinition,
  data: Record<string, unknown>,
): Promise<FieldError[]> {
  const refs = collectReferences(kind.fields, data);
  const errors: FieldError[] = [];
  const codes = refs.filter((r) => r.kind === 'code');
  if (codes.length) {
    const lists = [...new Set(codes.map((c) => c.target))];
    const known = await db
      .selectFrom('code_list_entries')
      .select(['list', 'code'])
      .where('list', 'in', lists)
      .where('active', '=', true)
      .execute();
    const set = new Set(known.map((k) => `${k.list}\u0000${k.code}`));
    for (const c of codes) {
      if (!set.has(`${c.target}\u0000${c.value}`))
        errors.push({ field: c.path, message: `"${c.value}" is not a code of the list ${c.target}.` });
    }
  }
  const records = refs.filter((r) => r.kind === 'ref');
  if (records.length) {
    const ids = [...new Set(records.map((r) => r.value))];
    const found = await db
      .selectFrom('registry_records as r')
      .select(['r.id', 'r.kind'])
      .where('r.id', 'in', ids)
      .where((eb) =>
        eb.or(
          [...new Set(records.map((r) => r.target))].map((k) =>
            eb.and([eb('r.kind', '=', k), readableRecords(a, kindByName(k)!, 'r')]),
          ),
        ),
      )
      .execute();
    const byId = new Map(found.map((f) => [f.id, f.kind]));
    for (const r of records) {
      if (byId.get(r.value) !== r.target)
        errors.push({
          field: r.path,
          message: `No ${r.target.replace(/_/g, ' ')} with this id that you may read.`,
        });
    }
  }
  const orgs = refs.filter((r) => r.kind === 'organisation');
  if (orgs.length) {
    const found = await db
      .selectFrom('organisations')
      .select('id')
      .where('id', 'in', [...new Set(orgs.map((o) => o.value))])
      .execute();
    const set = new Set(found.map((f) => f.id));
    for (const o of orgs)
      if (!set.has(o.value)) errors.push({ field: o.path, message: 'No such organisation.' });
  }
  const networks = refs.filter((r) => r.kind === 'network');
  if (networks.length) {
    const found = await db
      .selectFrom('networks')
      .select('code')
      .where('code', 'in', [...new Set(networks.map((n) => n.value))])
      .execute();
    const set = new Set(found.map((f) => f.code));
    for (const n of networks)
      if (!set.has(n.value))
        errors.push({ field: n.path, message: `No network with the code "${n.value}".` });
  }
  const users = refs.filter((r) => r.kind === 'user');
  if (users.length) {
    const found = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', [...new Set(users.map((u) => u.value))])
      .where('status', '=', 'active')
      .execute();
    const set = new Set(found.map((f) => f.id));
    for (const u of users)
      if (!set.has(u.value))
        errors.push({
          field: u.path,
          message: 'No active user with this id: choose a person on the platform.',
        });
  }
  return errors;
}
