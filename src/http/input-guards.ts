import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from './errors.ts';

/**
 * Guards every request passes before any route runs (installed once, in buildApp):
 *
 * - The JSON body parser refuses a body nested deeper than `maxDepth` levels (BODY_MAX_DEPTH)
 *   with a cheap scan of the text before it is parsed, then parses with Fastify's own parser
 *   (secure-json-parse: `__proto__` / `constructor.prototype` keys are refused as before).
 *   A deeply nested body would otherwise exhaust the stack in validation or in the database.
 * - A NUL character (U+0000) anywhere in a path parameter, a query parameter or a JSON body
 *   (a value or a key, at any depth) is refused with 400 naming where it is: PostgreSQL cannot
 *   store it in text or jsonb (`invalid byte sequence for encoding "UTF8": 0x00`), and no field
 *   of the platform has a use for it.
 */
export function installInputGuards(app: FastifyInstance, opts: { maxDepth: number }): void {
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (jsonDepthExceeds(text, opts.maxDepth)) {
      done(badRequest(`The JSON body is nested deeper than ${opts.maxDepth} levels.`), undefined);
      return;
    }
    defaultJson(req, text, done);
  });

  app.addHook('preValidation', async (req: FastifyRequest) => {
    const where =
      nulIn(req.params, 'path parameter', 'params') ??
      nulIn(req.query, 'query parameter', 'querystring') ??
      (isJsonValue(req.body) ? nulIn(req.body, 'body field', 'body') : null);
    if (where) {
      throw badRequest(
        `The ${where.label} contains a NUL character (U+0000), which is not accepted anywhere: remove it and send the request again.`,
        [{ field: where.field, message: 'contains a NUL character (U+0000)' }],
      );
    }
  });
}

/**
 * Whether a JSON text opens more than `max` arrays / objects inside each other. Brackets inside
 * strings do not count; an invalid text may be misjudged, but JSON.parse refuses it anyway.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

function isJsonValue(v: unknown): boolean {
  return (
    typeof v === 'string' || Array.isArray(v) || (typeof v === 'object' && v !== null && !Buffer.isBuffer(v))
  );
}

/**
 * The first place in `value` (a parsed query, params or JSON body) where a string or a key holds
 * U+0000, as a label for people ('query parameter "q"', 'body field "items.0.title"') and a
 * field path in the style of the validation errors ('querystring.q', 'body.items.0.title').
 */
export function nulIn(
  value: unknown,
  kind: string,
  context: string,
): { label: string; field: string } | null {
  const found = (path: string[], keyItself = false) => {
    const name = path.join('.');
    return {
      label: name
        ? `${keyItself ? `name of the ${kind}` : kind} "${name.replaceAll('\u0000', '\\u0000')}"`
        : context === 'body'
          ? 'JSON body'
          : kind,
      field: [context, ...path].join('.').replaceAll('\u0000', '\\u0000'),
    };
  };
  const walk = (v: unknown, path: string[]): { label: string; field: string } | null => {
    if (typeof v === 'string') return v.includes('\u0000') ? found(path) : null;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const r = walk(v[i], [...path, String(i)]);
        if (r) return r;
      }
      return null;
    }
    if (typeof v === 'object' && v !== null && !Buffer.isBuffer(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return found([...path, k], true);
        const r = walk(x, [...path, k]);
        if (r) return r;
      }
    }
    return null;
  };
  return walk(value, []);
}
