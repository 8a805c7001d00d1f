// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
/**
 * Tokens of the XLSForm expression subset: `${name}`, `.`, numbers, quoted strings, names
 * (functions, `and`/`or`/`div`/`mod`, choice columns in `choice_filter`), operators and punctuation.
 */

export type Token =
  | { t: 'num'; v: number; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'ref'; v: string; pos: number }
  | { t: 'name'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'end'; pos: number };

/** An expression outside the supported subset, or malformed. `pos` is the 0-based character offset. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_.:-]/;
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A valid question code (XML element name without namespace), as XLSForm requires for `name`. */
export const isValidName = (s: string): boolean => XML_NAME.test(s);

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const pos = i;
    if (ch === '$' && src[i + 1] === '{') {
      const close = src.indexOf('}', i + 2);
      if (close < 0) throw new ExpressionError('"${" without a closing "}"', pos);
      const name = src.slice(i + 2, close).trim();
      if (!isValidName(name)) throw new ExpressionError(`"\${${name}}" is not a valid question name`, pos);
      out.push({ t: 'ref', v: name, pos });
      i = close + 1;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const close = src.indexOf(ch, i + 1);
      if (close < 0) throw new ExpressionError('a text in quotes is not closed', pos);
      out.push({ t: 'str', v: src.slice(i + 1, close), pos });
      i = close + 1;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]), pos });
      i += num[0].length;
      continue;
    }
    if (ch === '.') {
      if (src[i + 1] === '.')
        throw new ExpressionError('".." (parent paths) is not supported; use ${name}', pos);
      out.push({ t: 'op', v: '.', pos });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two, pos });
      i += 2;
      continue;
    }
    if ('=<>+-*(),'.includes(ch)) {
      out.push({ t: 'op', v: ch, pos });
      i++;
      continue;
    }
    if (NAME_START.test(ch)) {
      let j = i + 1;
      while (j < src.length && NAME_CHAR.test(src[j]!)) j++;
      // a trailing "-" belongs to a minus sign ("a -1" is rare, "count-selected" common)
      while (src[j - 1] === '-' || src[j - 1] === '.') j--;
      out.push({ t: 'name', v: src.slice(i, j), pos });
      i = j;
      continue;
    }
    if (ch === '/') throw new ExpressionError('paths with "/" are not supported; use ${name}', pos);
    if (ch === '|') throw new ExpressionError('the union operator "|" is not supported', pos);
    if (ch === '[') throw new ExpressionError('predicates "[...]" are not supported', pos);
    throw new ExpressionError(`unexpected character "${ch}"`, pos);
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}
