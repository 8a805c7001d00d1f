/**
 * Sanctions-screening CLI: `npm run screening -- <command> ...` (see README.md).
 * Exit codes: 0 ok, 2 bad input (usage, unreadable or malformed file), 1 unexpected failure.
 */
import { createWriteStream, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DIRECTIONS, type Direction, type GoodsLine, measuresFromAnnexCsv, screenGoods } from './goods.ts';
import {
  diffEntities,
  LIST_FORMATS,
  type ListFormat,
  type ListSource,
  loadList,
  parseSource,
} from './lists.ts';
import {
  DEFAULT_THRESHOLD,
  REVIEW_THRESHOLD,
  ScreeningIndex,
  type ScreeningQuery,
  scoreNamePair,
} from './matcher.ts';
import { type EntityKind, type IdentifierType, primaryName } from './model.ts';
import { ParseError } from './parsers/common.ts';
import { sanctionsData } from './paths.ts';
import { unSelfRecall } from './selfrecall.ts';

class UsageError extends Error {}

const USAGE = `usage: npm run screening -- <command> [options]

commands:
  screen <name> [--dob DATE] [--country C] [--id TYPE:VALUE]... [--kind K] [--json]
      screen one party; prints hits with their explanation
  batch <parties.csv> [--out report.csv]
      screen a CSV of parties (columns: name, optional id, kind, dob, country, identifier);
      progress on stderr, CSV report on stdout or --out
  goods <lines.csv> [--measures annex.csv] [--out hits.csv]
      screen declaration goods lines (columns: line, code, direction, destination, origin, date,
      optional exemptions separated by ';') against the goods measures
  diff <format> <old> <new> [--json]
      entries added, removed and amended between two versions of a list
  compare-pairs <pairs.csv> [--out FILE]
      score name pairs (columns name1, name2, optional schema); writes name1,name2,score,match
  self-recall [--un FILE] [--seed N]
      UN self-recall as written and with one seeded edit
  lists
      load the configured lists and print their counts

list options (screen, batch, lists):
  --list FORMAT:LOCATION   a list file, folder (ofac-csv) or URL; repeatable; formats:
                           ${LIST_FORMATS.join(', ')}
  --lists-config FILE      JSON array of {"listId","format","location"}
  default: UN + OFAC SDN 2021 + EU 833 from ../shared/data/sanctions (test data only)
  --threshold N            default ${DEFAULT_THRESHOLD}; review band from ${REVIEW_THRESHOLD}
`;

const KINDS: EntityKind[] = ['person', 'organisation', 'vessel', 'aircraft', 'other'];
const ID_TYPES: IdentifierType[] = [
  'imo',
  'mmsi',
  'passport',
  'national_id',
  'registration',
  'tax',
  'swift',
  'aircraft',
  'other',
];

function defaultLists(): ListSource[] {
  return [
    { listId: 'un', format: 'un-xml', location: sanctionsData('un/UN_consolidated_2026-02-27.xml') },
    { listId: 'ofac-sdn', format: 'ofac-csv', location: sanctionsData('ofac/sdn_2021') },
    { listId: 'eu-833', format: 'eu-833-csv', location: sanctionsData('eu_journal/32014R0833.csv') },
  ];
}

function parseFormat(f: string): ListFormat {
  if (!LIST_FORMATS.includes(f as ListFormat))
    throw new UsageError(`unknown list format "${f}" (expected one of ${LIST_FORMATS.join(', ')})`);
  return f as ListFormat;
}

function listSources(values: { list?: string[]; 'lists-config'?: string }): ListSource[] {
  const out: ListSource[] = [];
  if (values['lists-config']) {
    let cfg: unknown;
    try {
      cfg = JSON.parse(readFileSync(values['lists-config'], 'utf8'));
    } catch (err) {
      throw new UsageError(`cannot read --lists-config: ${(err as Error).message}`);
    }
    if (!Array.isArray(cfg)) throw new UsageError('--lists-config must hold a JSON array');
    for (const c of cfg as Array<Partial<ListSource>>) {
      if (!c.format || !c.location)
        throw new UsageError('each configured list needs "format" and "location"');
      out.push({
        listId: c.listId ?? basename(c.location),
        format: parseFormat(c.format),
        location: c.location,
      });
    }
  }
  for (const l of values.list ?? []) {
    const i = l.indexOf(':');
    if (i < 0) throw new UsageError(`--list expects FORMAT:LOCATION, got "${l}"`);
    const format = parseFormat(l.slice(0, i));
    const location = l.slice(i + 1);
    out.push({ listId: basename(location).replace(/\.[a-z]+$/i, ''), format, location });
  }
  return out.length ? out : defaultLists();
}

async function buildIndex(sources: ListSource[]): Promise<ScreeningIndex> {
  const index = new ScreeningIndex();
  for (const s of sources) {
    const v = await loadList(s);
    for (const e of v.entities) index.add(e);
    process.stderr.write(`loaded ${s.listId}: ${v.entities.length} entries (version ${v.versionId})\n`);
  }
  return index;
}

function threshold(v: string | undefined): number {
  if (v === undefined) return DEFAULT_THRESHOLD;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 1)
    throw new UsageError(`--threshold must be in (0, 1], got "${v}"`);
  return n;
}

function kindOf(v: string | undefined): EntityKind | undefined {
  if (!v) return undefined;
  const k = v.toLowerCase() === 'organization' ? 'organisation' : v.toLowerCase();
  if (!KINDS.includes(k as EntityKind))
    throw new UsageError(`unknown kind "${v}" (expected ${KINDS.join(', ')})`);
  return k as EntityKind;
}

function identifier(v: string): { type?: IdentifierType; value: string } {
  const i = v.indexOf(':');
  if (i > 0 && ID_TYPES.includes(v.slice(0, i).toLowerCase() as IdentifierType))
    return { type: v.slice(0, i).toLowerCase() as IdentifierType, value: v.slice(i + 1) };
  return { value: v };
}

const listOptions = {
  list: { type: 'string', multiple: true },
  'lists-config': { type: 'string' },
  threshold: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
} as const;

function args(argv: string[], options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function readCsv(file: string): Record<string, string>[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return parseSync(text.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    }) as Record<string, string>[];
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new ParseError(file, e.lines ?? 0, `malformed CSV: ${e.message}`);
  }
}

function output(out: string | undefined, text: string) {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

async function cmdScreen(argv: string[]) {
  const { values, positionals } = args(argv, {
    ...listOptions,
    dob: { type: 'string' },
    country: { type: 'string' },
    id: { type: 'string', multiple: true },
    kind: { type: 'string' },
  });
  const name = positionals.join(' ').trim();
  if (!name) throw new UsageError('screen: a name is required');
  const q: ScreeningQuery = { name };
  const kind = kindOf(values.kind as string | undefined);
  if (kind) q.kind = kind;
  if (values.dob) q.birthDate = values.dob as string;
  if (values.country) q.country = values.country as string;
  if (values.id) q.identifiers = (values.id as string[]).map(identifier);
  const th = threshold(values.threshold as string | undefined);
  const index = await buildIndex(listSources(values as { list?: string[] }));
  // one hit per real person: the same person on several lists is shown once with every listing
  const r = index.screen(q, { threshold: th, group: true });
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify(
        r.hits.map((h) => ({
          ...h,
          entity: { id: h.entity.id, kind: h.entity.kind, sourceList: h.entity.sourceList },
        })),
        null,
        2,
      )}\n`,
    );
    return;
  }
  if (r.hits.length === 0) process.stdout.write(`no hit at or above ${REVIEW_THRESHOLD} for "${name}"\n`);
  for (const h of r.hits) {
    process.stdout.write(
      `${h.band.toUpperCase().padEnd(6)} ${h.score.toFixed(3)} ${h.entityId} [${h.entity.kind}, ${h.entity.programmes.slice(0, 3).join('; ')}] ${primaryName(h.entity)}\n`,
    );
    for (const x of h.explanation) process.stdout.write(`         ${x}\n`);
    for (const s of h.sameAs ?? [])
      process.stdout.write(
        `         same person listed as ${s.entityId} (${s.sourceList}${s.programmes.length ? `: ${s.programmes.slice(0, 3).join('; ')}` : ''}) ${s.score.toFixed(3)}\n`,
      );
  }
}

async function cmdBatch(argv: string[]) {
  const { values, positionals } = args(argv, listOptions);
  const file = positionals[0];
  if (!file) throw new UsageError('batch: a CSV file of parties is required');
  const th = threshold(values.threshold as string | undefined);
  const rows = readCsv(file);
  if (rows.length && !('name' in rows[0]!)) throw new UsageError(`batch: ${file} has no "name" column`);
  const index = await buildIndex(listSources(values as { list?: string[] }));
  const out = values.out ? createWriteStream(values.out as string) : process.stdout;
  out.write(
    stringify([
      ['party_id', 'party_name', 'band', 'score', 'entity_id', 'list', 'listed_name', 'explanation'],
    ]),
  );
  const t0 = Date.now();
  let hits = 0;
  rows.forEach((row, i) => {
    const line = i + 2;
    if (!row.name) throw new ParseError(file, line, 'empty name');
    const q: ScreeningQuery = { name: row.name };
    const kind = kindOf(row.kind);
    if (kind) q.kind = kind;
    if (row.dob) q.birthDate = row.dob;
    if (row.country) q.country = row.country;
    if (row.identifier) q.identifiers = row.identifier.split(';').map((s) => identifier(s.trim()));
    const r = index.screen(q, { threshold: th });
    for (const h of r.hits) {
      hits++;
      out.write(
        stringify([
          [
            row.id ?? String(i + 1),
            row.name,
            h.band,
            h.score.toFixed(3),
            h.entityId,
            h.entity.sourceList,
            h.matchedName.value,
            h.explanation.join(' | '),
          ],
        ]),
      );
    }
    if ((i + 1) % 100 === 0 || i + 1 === rows.length)
      process.stderr.write(
        `\rscreened ${i + 1}/${rows.length} parties, ${hits} hits, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
  });
  process.stderr.write('\n');
  if (out !== process.stdout)
    await new Promise<void>((res) => (out as ReturnType<typeof createWriteStream>).end(res));
}

async function cmdGoods(argv: string[]) {
  const { values, positionals } = args(argv, { measures: { type: 'string' }, out: { type: 'string' } });
  const file = positionals[0];
  if (!file) throw new UsageError('goods: a CSV file of goods lines is required');
  const mfile =
    (values.measures as string | undefined) ?? sanctionsData('goods/eu_833_2014_annex_XL_XLVIII_hs6.csv');
  let mtext: string;
  try {
    mtext = readFileSync(mfile, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${mfile}: ${(err as Error).message}`);
  }
  const measures = measuresFromAnnexCsv(mtext, mfile);
  const lines: GoodsLine[] = readCsv(file).map((r, i) => {
    const line = i + 2;
    if (!r.code) throw new ParseError(file, line, 'empty code');
    const direction = (r.direction ?? '').toLowerCase() as Direction;
    if (!DIRECTIONS.includes(direction))
      throw new ParseError(file, line, `direction "${r.direction}" is not one of ${DIRECTIONS.join(', ')}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date ?? ''))
      throw new ParseError(file, line, `date "${r.date}" is not YYYY-MM-DD`);
    const g: GoodsLine = { lineId: r.line || String(i + 1), code: r.code, direction, date: r.date! };
    if (r.destination) g.destination = r.destination;
    if (r.origin) g.origin = r.origin;
    if (r.dispatch) g.dispatch = r.dispatch;
    if (r.exemptions) g.exemptionFlags = r.exemptions.split(';').map((s) => s.trim());
    return g;
  });
  const res = screenGoods(lines, measures);
  const rows = [['line', 'status', 'measure', 'prefix', 'description', 'legal_basis', 'explanation']];
  for (const h of res.hits)
    rows.push([
      h.lineId,
      'hit',
      h.measureId,
      h.matchedPrefix,
      h.description ?? '',
      h.legalBasis,
      h.explanation.join(' | '),
    ]);
  for (const h of res.exempted)
    rows.push([
      h.lineId,
      'exempted',
      h.measureId,
      h.matchedPrefix,
      h.description ?? '',
      h.legalBasis,
      `${h.exemption} | ${h.explanation.join(' | ')}`,
    ]);
  output(values.out as string | undefined, stringify(rows));
  process.stderr.write(`${lines.length} lines, ${res.hits.length} hits, ${res.exempted.length} exempted\n`);
}

async function cmdDiff(argv: string[]) {
  const { values, positionals } = args(argv, { json: { type: 'boolean' } });
  const [fmt, oldLoc, newLoc] = positionals;
  if (!fmt || !oldLoc || !newLoc) throw new UsageError('diff: <format> <old> <new> are required');
  const format = parseFormat(fmt);
  // the same list id for both versions: entity ids must be comparable
  const listId = format.split('-')[0]!;
  const before = await parseSource({ listId, format, location: oldLoc });
  const after = await parseSource({ listId, format, location: newLoc });
  const d = diffEntities(before, after);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          added: d.added.map((e) => e.id),
          removed: d.removed.map((e) => e.id),
          amended: d.amended.map((a) => ({ id: a.id, changed: a.changed })),
          unchanged: d.unchanged,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  process.stdout.write(
    `added ${d.added.length}, removed ${d.removed.length}, amended ${d.amended.length}, unchanged ${d.unchanged}\n`,
  );
  for (const e of d.added) process.stdout.write(`+ ${e.id} ${primaryName(e)}\n`);
  for (const e of d.removed) process.stdout.write(`- ${e.id} ${primaryName(e)}\n`);
  for (const a of d.amended)
    process.stdout.write(`~ ${a.id} ${primaryName(a.after)} (${a.changed.join(', ')})\n`);
}

async function cmdComparePairs(argv: string[]) {
  const { values, positionals } = args(argv, { out: { type: 'string' }, threshold: { type: 'string' } });
  const file = positionals[0];
  if (!file) throw new UsageError('compare-pairs: a CSV file with name1,name2 columns is required');
  const th = threshold(values.threshold as string | undefined);
  const rows = readCsv(file);
  if (rows.length && (!('name1' in rows[0]!) || !('name2' in rows[0]!)))
    throw new UsageError(`compare-pairs: ${file} needs columns name1 and name2`);
  const out = [['name1', 'name2', 'score', 'match']];
  for (const r of rows) {
    const kind = r.schema
      ? r.schema === 'Person'
        ? 'person'
        : r.schema === 'Vessel'
          ? 'vessel'
          : 'organisation'
      : undefined;
    const score = scoreNamePair(r.name1 ?? '', r.name2 ?? '', kind);
    out.push([r.name1 ?? '', r.name2 ?? '', score.toFixed(4), String(score >= th)]);
  }
  output(values.out as string | undefined, stringify(out));
}

async function cmdSelfRecall(argv: string[]) {
  const { values } = args(argv, {
    un: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  const loc = (values.un as string | undefined) ?? sanctionsData('un/UN_consolidated_2026-02-27.xml');
  const v = await loadList({ listId: 'un', format: 'un-xml', location: loc });
  const index = new ScreeningIndex(v.entities);
  const seed = values.seed ? Number(values.seed) : undefined;
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  const r = unSelfRecall(index, v.entities, seed);
  const summary = {
    entries: v.entities.length,
    asWritten: { queries: r.asWritten.queries, found: r.asWritten.found, recall: r.asWritten.recall },
    withOneEdit: { queries: r.withEdit.queries, found: r.withEdit.found, recall: r.withEdit.recall },
    skippedNoPartOf6Letters: r.skippedNoLongPart,
  };
  if (values.json) process.stdout.write(`${JSON.stringify({ ...summary, misses: r }, null, 2)}\n`);
  else process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

async function cmdLists(argv: string[]) {
  const { values } = args(argv, listOptions);
  for (const s of listSources(values as { list?: string[] })) {
    const v = await loadList(s);
    const kinds: Record<string, number> = {};
    for (const e of v.entities) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    process.stdout.write(
      `${s.listId} ${s.format} ${v.entities.length} entries ${JSON.stringify(kinds)} version ${v.versionId}\n`,
    );
  }
}

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  screen: cmdScreen,
  batch: cmdBatch,
  goods: cmdGoods,
  diff: cmdDiff,
  'compare-pairs': cmdComparePairs,
  'self-recall': cmdSelfRecall,
  lists: cmdLists,
};

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return cmd ? 0 : 2;
  }
  const fn = COMMANDS[cmd];
  try {
    if (!fn) throw new UsageError(`unknown command "${cmd}"`);
    await fn(rest);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ParseError) {
      process.stderr.write(`error: malformed input: ${err.message}\n`);
      return 2;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      process.stderr.write(`error: ${(err as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`error: ${(err as Error).stack ?? err}\n`);
    return 1;
  }
}

const isMain = (() => {
  try {
    return (
      !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
})();

if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
