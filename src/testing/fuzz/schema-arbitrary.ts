import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document (the subset the zod →
 * JSON Schema conversion writes: types, enum/const, anyOf/oneOf/allOf, properties/required/
 * additionalProperties, formats, lengths, patterns, numeric bounds, items). Hand-written because
 * the maintained generator of fast-check arbitraries (zod-fast-check) supports zod 3 and fast-check
 * 3 only, and JSON-Schema fakers do not shrink or share fast-check's seeds.
 */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  nullable?: boolean;
};

/** Any JSON value, including the nasty ones (NUL, lone surrogates, deep nesting, huge numbers). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom('', '\u0000', '\ud800', '＝1+1', '../../etc/passwd', "' OR 1=1 --", 'a'.repeat(5000)),
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.5, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(null, true, false, [], {}),
);

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  email: () => fc.emailAddress(),
  'date-time': () =>
    fc
      .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  date: () =>
    fc
      .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  uri: () => fc.webUrl(),
  url: () => fc.webUrl(),
};

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format && FORMATS[s.format]) return FORMATS[s.format]!();
  if (s.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(s.pattern))
        .filter(
          (v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY),
        );
    } catch {
      // a pattern JavaScript cannot read: fall through to plain strings
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 200) });
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e6);
  const max =
    s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e6);
  if (integer)
    return fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values valid for the schema (best effort: a value the schema refuses is still a fine probe). */
export function arbitraryFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => arbitraryFor(a, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf), depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringArb(schema);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = schema.prefixItems
        ? fc.tuple(...schema.prefixItems.map((p) => arbitraryFor(p, depth + 1)))
        : fc.array(arbitraryFor(schema.items, depth + 1), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.min(schema.maxItems ?? 5, 10),
          });
      return item;
    }
    default: {
      if (!schema.properties) {
        return schema.additionalProperties && typeof schema.additionalProperties === 'object'
          ? fc.dictionary(
              fc.string({ minLength: 1, maxLength: 12 }),
              arbitraryFor(schema.additionalProperties, depth + 1),
              {
                maxKeys: 4,
              },
            )
          : fc.constant({});
      }
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties);
      return fc.record(Object.fromEntries(entries.map(([k, v]) => [k, arbitraryFor(v, depth + 1)])), {
        requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)),
      });
    }
  }
}

/** Half valid for the schema, half anything at all (wrong types, extra fields, hostile strings). */
export function probeFor(schema: JsonSchema | undefined): fc.Arbitrary<{ valid: boolean; value: unknown }> {
  return fc.oneof(
    arbitraryFor(schema).map((value) => ({ valid: true, value })),
    fc
      .oneof(
        anyJson,
        arbitraryFor(schema).chain((v) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? fc
                .tuple(fc.string({ minLength: 1, maxLength: 10 }), anyJson)
                .map(([k, x]) => ({ ...v, [k]: x }))
            : anyJson,
        ),
      )
      .map((value) => ({ valid: false, value })),
  );
}
