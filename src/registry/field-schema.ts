import { z } from 'zod';
import { memberStates } from '../reference/member-states.ts';
import type { FieldDef, FieldSpec, KindDefinition } from './definition.ts';

export const EU_LANGUAGES = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
] as const;

/** References a field value makes to other data, checked against the database after parsing. */
export interface Reference {
  path: string;
  kind: 'code' | 'ref' | 'organisation';
  target: string;
  value: string;
}

function spec(f: FieldSpec, label: string): z.ZodType {
  switch (f.type) {
    case 'text': {
      let s = z
        .string()
        .trim()
        .max(f.maxLength ?? 1000, `${label}: at most ${f.maxLength ?? 1000} characters`);
      if (f.pattern) s = s.regex(new RegExp(f.pattern), `${label}: use ${f.patternHint ?? f.pattern}`);
      return s;
    }
    case 'mltext':
      return z.partialRecord(
        z.enum(EU_LANGUAGES),
        z
          .string()
          .trim()
          .max(f.maxLength ?? 5000),
      );
    case 'number': {
      let n = z.number({ error: `${label}: a number` });
      if (f.integer) n = n.int(`${label}: a whole number`);
      if (f.min !== undefined) n = n.min(f.min, `${label}: at least ${f.min}`);
      if (f.max !== undefined) n = n.max(f.max, `${label}: at most ${f.max}`);
      return n;
    }
    case 'quantity':
      return z.strictObject({ value: z.number(), unit: z.string().min(1).max(20) });
    case 'money':
      return z.strictObject({
        amount: z.number().min(0, `${label}: not negative`).max(1e13),
        currency: z.string().regex(/^[A-Z]{3}$/, `${label}: an ISO 4217 currency code such as EUR`),
      });
    case 'date':
      return z.iso.date(`${label}: a date as YYYY-MM-DD`);
    case 'boolean':
      return z.boolean();
    case 'url':
      return z
        .url({ protocol: /^https?$/, error: `${label}: a web address starting with https://` })
        .max(2000);
    case 'code':
      return z.string().trim().min(1).max(100);
    case 'country': {
      const codes = memberStates().map((m) => m.code);
      return z.enum(codes as [string, ...string[]], {
        error: `${label}: a Member State code such as AT, DE, EL`,
      });
    }
    case 'organisation':
    case 'ref':
      return z.uuid(`${label}: the id of a record`);
    case 'location':
      return z.strictObject({
        label: z.string().trim().min(1).max(200),
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
      });
    case 'list':
      return z
        .array(spec(f.of, label))
        .max(f.maxItems ?? 100, `${label}: at most ${f.maxItems ?? 100} entries`);
    case 'object':
      return objectSchema(f.fields);
  }
}

function fieldSchema(f: FieldDef): z.ZodType {
  const s = spec(f, f.label);
  return f.required ? s : s.nullish();
}

function objectSchema(fields: Record<string, FieldDef>) {
  return z.strictObject(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, fieldSchema(f)])));
}

/** The zod schema of a record's data for a kind (unknown fields are refused). */
export function dataSchema(kind: KindDefinition) {
  const base = objectSchema(kind.fields);
  return base.superRefine((data: Record<string, unknown>, ctx) => {
    for (const [k, f] of Object.entries(kind.fields)) {
      if (f.required && f.type === 'list' && Array.isArray(data[k]) && (data[k] as unknown[]).length === 0) {
        ctx.addIssue({ code: 'custom', path: [k], message: `${f.label}: at least one entry` });
      }
    }
  });
}

/** Collects the code-list codes and record references in parsed data, for the database check. */
export function collectReferences(
  fields: Record<string, FieldDef>,
  data: Record<string, unknown>,
  prefix = '',
): Reference[] {
  const out: Reference[] = [];
  const visit = (f: FieldSpec, value: unknown, path: string) => {
    if (value === null || value === undefined) return;
    if (f.type === 'code') out.push({ path, kind: 'code', target: f.codeList, value: String(value) });
    else if (f.type === 'ref') out.push({ path, kind: 'ref', target: f.kind, value: String(value) });
    else if (f.type === 'organisation')
      out.push({ path, kind: 'organisation', target: 'organisation', value: String(value) });
    else if (f.type === 'list' && Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(f.of, v, `${path}.${i}`);
    } else if (f.type === 'object' && typeof value === 'object')
      out.push(...collectReferences(f.fields, value as Record<string, unknown>, `${path}.`));
  };
  for (const [k, f] of Object.entries(fields)) visit(f, data[k], `${prefix}${k}`);
  return out;
}

/** A JSON description of the fields for clients (forms validate with the same rules). */
export function describeFields(kind: KindDefinition) {
  return Object.entries(kind.fields).map(([name, f]) => ({ name, ...f }));
}
