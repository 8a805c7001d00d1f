import { z } from 'zod';
import { EU_LANGUAGES } from './languages.ts';
import type { FieldDef, FieldSpec } from './registry-kinds.ts';

/**
 * The validation rules of record data, built from field descriptions alone (zod only, no server
 * module): the server validates with them, and the web app's forms import this same file so that
 * a form refuses exactly what the API would refuse. Codes and references are checked against the
 * database afterwards (server only). Messages name the field by its English label.
 */
export { EU_LANGUAGES };

/** The country codes a `country` field accepts (the Member States' codes, EL for Greece). */
export type CountryCodes = readonly string[];

/** An IANA time zone name the runtime's Intl knows (Europe/Brussels; UTC). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function spec(f: FieldSpec, label: string, countries: CountryCodes): z.ZodType {
  switch (f.type) {
    case 'text': {
      let s = z
        .string()
        .trim()
        .max(f.maxLength ?? 1000, `${label}: at most ${f.maxLength ?? 1000} characters`);
      if (f.minLength) s = s.min(f.minLength, `${label}: at least ${f.minLength} characters`);
      if (f.pattern) s = s.regex(new RegExp(f.pattern), `${label}: use ${f.patternHint?.en ?? f.pattern}`);
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
    case 'datetime':
      return z.iso.datetime({ error: `${label}: a moment in UTC as YYYY-MM-DDTHH:MM:SSZ` });
    case 'timezone':
      return z
        .string()
        .trim()
        .max(100)
        .refine(isTimeZone, `${label}: a time zone name such as Europe/Brussels`);
    case 'boolean':
      return z.boolean();
    case 'url':
      return z
        .url({ protocol: /^https?$/, error: `${label}: a web address starting with https://` })
        .max(2000);
    case 'code':
      return z.string().trim().min(1).max(100);
    case 'country':
      return z.enum(countries as [string, ...string[]], {
        error: `${label}: a Member State code such as AT, DE, EL`,
      });
    case 'organisation':
    case 'user':
    case 'ref':
      return z.uuid(`${label}: the id of a record`);
    case 'network':
      return z
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9-]{1,60}$/, `${label}: the code of a network, e.g. risk-management`);
    case 'location':
      return z.strictObject({
        label: z.string().trim().min(1).max(200),
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
      });
    case 'list': {
      const list = z
        .array(spec(f.of, label, countries))
        .max(f.maxItems ?? 100, `${label}: at most ${f.maxItems ?? 100} entries`);
      const sumTo = f.sumTo;
      if (!sumTo) return list;
      // The entries' shares add up to the total when any entry gives one (percentages: 100).
      return list.superRefine((items, ctx) => {
        const values = items.map((i) => (i as Record<string, unknown> | null)?.[sumTo.field]);
        if (!values.some((v) => typeof v === 'number')) return;
        const sum = values.reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);
        if (Math.abs(sum - sumTo.total) > 0.01)
          ctx.addIssue({
            code: 'custom',
            message: `${label}: the ${sumTo.field} values add up to ${Math.round(sum * 100) / 100}, not ${sumTo.total}`,
          });
      });
    }
    case 'object':
      return objectSchema(f.fields, countries);
  }
}

function fieldSchema(f: FieldDef, countries: CountryCodes): z.ZodType {
  const s = spec(f, f.label.en, countries);
  return f.required ? s : s.nullish();
}

function objectSchema(fields: Record<string, FieldDef>, countries: CountryCodes) {
  return z
    .strictObject(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, fieldSchema(f, countries)])))
    .superRefine((data: Record<string, unknown>, ctx) => {
      // Dates in order: a field with `notBefore` may not precede that field (both given, ISO dates).
      for (const [k, f] of Object.entries(fields)) {
        if ((f.type !== 'date' && f.type !== 'datetime') || !f.notBefore) continue;
        const value = data[k];
        const start = data[f.notBefore];
        if (typeof value === 'string' && typeof start === 'string' && Date.parse(value) < Date.parse(start))
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: `${f.label.en}: on or after the ${fields[f.notBefore]!.label.en.toLowerCase()} (${start})`,
          });
      }
      // One of two: a field with `requiredUnless` is required when that other field is empty.
      const empty = (v: unknown) => v === undefined || v === null || v === '';
      for (const [k, f] of Object.entries(fields)) {
        if (!f.requiredUnless || !empty(data[k]) || !empty(data[f.requiredUnless])) continue;
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `${f.label.en}: required when no ${fields[f.requiredUnless]!.label.en.toLowerCase()} is given`,
        });
      }
    });
}

/** The zod schema of a record's data for these fields (unknown fields are refused). */
export function dataSchemaOf(fields: Record<string, FieldDef>, countries: CountryCodes) {
  const base = objectSchema(fields, countries);
  return base.superRefine((data: Record<string, unknown>, ctx) => {
    for (const [k, f] of Object.entries(fields)) {
      if (f.required && f.type === 'list' && Array.isArray(data[k]) && (data[k] as unknown[]).length === 0) {
        ctx.addIssue({ code: 'custom', path: [k], message: `${f.label.en}: at least one entry` });
      }
    }
  });
}
