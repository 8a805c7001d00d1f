#!/usr/bin/env node
/**
 * Questionnaire engine command line. Run: npm run questionnaire -- <command> [options]
 * Exit codes: 0 done; 2 bad usage or input (unreadable file, invalid questionnaire JSON);
 * 3 the form has blocking items (check / convert without --without-blocked); 1 unexpected failure.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { checkQuestionnaire } from './check.ts';
import type { Questionnaire } from './model.ts';
import { type ReadResult, readXlsForm, type XlsFormIssue } from './xlsform/read.ts';
import { WorkbookError } from './xlsform/sheets.ts';
import { writeXlsForm } from './xlsform/write.ts';

class UsageError extends Error {}
class InputError extends Error {}

const USAGE = `usage: questionnaire <command> [options]
  check   <form.xlsx> [--without-blocked]           list warnings and blocking items (exit 3 when blocked)
  convert <form.xlsx> --json [--out q.json] [--without-blocked]
                                                    the questionnaire as JSON (stdout unless --out)
  export  <q.json> --out form.xlsx                  write a questionnaire JSON as an XLSForm workbook`;

const OPTS = {
  json: { type: 'boolean' },
  out: { type: 'string' },
  'without-blocked': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const issueLine = (i: XlsFormIssue): string =>
  `  ${i.sheet} row ${i.row}${i.column ? ` [${i.column}]` : ''}${i.code ? ` ${i.code}` : ''}: ${i.reason}`;

function report(r: ReadResult): void {
  if (r.warnings.length)
    process.stderr.write(`warnings (${r.warnings.length}):\n${r.warnings.map(issueLine).join('\n')}\n`);
  if (r.blocking.length)
    process.stderr.write(`blocking (${r.blocking.length}):\n${r.blocking.map(issueLine).join('\n')}\n`);
  if (r.questionnaire?.leftOut.length)
    process.stderr.write(
      `left out: ${r.questionnaire.leftOut.length} item(s), listed in the questionnaire's leftOut\n`,
    );
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

async function readForm(path: string, withoutBlocked: boolean): Promise<ReadResult> {
  if (extname(path).toLowerCase() !== '.xlsx') throw new InputError(`${path}: only .xlsx workbooks are read`);
  try {
    return await readXlsForm(readBytes(path), { withoutBlocked, id: basename(path, extname(path)) });
  } catch (e) {
    if (e instanceof WorkbookError) throw new InputError(`${path}: ${e.message}`);
    throw e;
  }
}

function loadQuestionnaire(path: string): Questionnaire {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(readBytes(path)));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  const d = doc as Partial<Questionnaire>;
  if (
    typeof d !== 'object' ||
    d === null ||
    d.format !== 'eucab-questionnaire' ||
    !Array.isArray(d.items) ||
    !Array.isArray(d.languages) ||
    typeof d.choiceLists !== 'object' ||
    !Array.isArray(d.leftOut) ||
    typeof d.id !== 'string'
  )
    throw new InputError(
      `${path} is not a questionnaire (format "eucab-questionnaire" with id, languages, choiceLists, items, leftOut)`,
    );
  let issues: ReturnType<typeof checkQuestionnaire>;
  try {
    issues = checkQuestionnaire(d as Questionnaire);
  } catch (e) {
    throw new InputError(`${path} is not a well-formed questionnaire: ${(e as Error).message}`);
  }
  if (issues.length)
    throw new InputError(
      `${path} is not consistent:\n${issues.map((i) => `  ${i.code ?? i.list ?? ''}${i.field ? ` [${i.field}]` : ''}: ${i.message}`).join('\n')}`,
    );
  return d as Questionnaire;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTS, allowPositionals: true });
  const [cmd, file, ...rest] = positionals;
  if (values.help || !cmd) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (!file) throw new UsageError(`${cmd}: missing the input file`);
  const withoutBlocked = values['without-blocked'] === true;
  switch (cmd) {
    case 'check': {
      const r = await readForm(file, withoutBlocked);
      report(r);
      if (!r.questionnaire) return 3;
      process.stdout.write(
        `ok: ${r.questionnaire.id} ${r.questionnaire.version} — ${r.warnings.length} warning(s), ${r.questionnaire.leftOut.length} left out\n`,
      );
      return 0;
    }
    case 'convert': {
      if (!values.json) throw new UsageError('convert: give --json (the only output format)');
      const r = await readForm(file, withoutBlocked);
      report(r);
      if (!r.questionnaire) return 3;
      const json = `${JSON.stringify(r.questionnaire, null, 2)}\n`;
      if (values.out) writeFileSync(values.out, json);
      else process.stdout.write(json);
      return 0;
    }
    case 'export': {
      if (!values.out) throw new UsageError('export: missing --out form.xlsx');
      const q = loadQuestionnaire(file);
      writeFileSync(values.out, await writeXlsForm(q));
      process.stderr.write(`written ${values.out}\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${cmd}"`);
  }
}

export async function run(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (
      e instanceof UsageError ||
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
    ) {
      process.stderr.write(`error: ${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/questionnaire/cli.ts')) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
