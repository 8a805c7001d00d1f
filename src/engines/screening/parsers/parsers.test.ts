import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadList } from '../lists.ts';
import { sanctionsData } from '../paths.ts';
import { newStats, ParseError } from './common.ts';
import { parseEuFsfXml } from './eufsf.ts';
import { parseFtmJsonl } from './ftm.ts';
import { parseOfac } from './ofac.ts';
import { parseBisDpl, parseEu833Csv, parseUsCsl } from './tables.ts';
import { parseUnXml } from './un.ts';

const read = (rel: string) => readFileSync(sanctionsData(rel), 'utf8');
const count = <T>(xs: T[], f: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[f(x)] = (out[f(x)] ?? 0) + 1;
  return out;
};

async function expectParseError(p: Promise<unknown> | (() => unknown), line: number, reason: RegExp) {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ParseError);
  expect((err as ParseError).line).toBe(line);
  expect((err as ParseError).reason).toMatch(reason);
}

describe('UN consolidated XML', () => {
  it('parses 730 individuals and 273 entities with 2,752 aliases (README counts)', async () => {
    const stats = newStats();
    const v = await parseUnXml(read('un/UN_consolidated_2026-02-27.xml'), 'un', stats);
    expect(count(v, (e) => e.kind)).toEqual({ person: 730, organisation: 273 });
    expect(stats.aliases).toBe(2752);
    expect(stats.originalScript).toBe(378);
    const scripts = count(
      v.flatMap((e) => e.names.filter((n) => n.script !== 'Latin')),
      (n) => n.script ?? '',
    );
    expect(scripts.Arabic).toBeGreaterThanOrEqual(366);
    expect(scripts.Cyrillic).toBeGreaterThanOrEqual(11);
    const badege = v.find((e) => e.id === 'un-6907993')!;
    expect(badege.names[0]).toMatchObject({ value: 'ERIC BADEGE', strength: 'primary' });
    expect(badege.birthDates[0]).toMatchObject({ kind: 'year', year: 1971 });
    expect(badege.countryCodes).toEqual(expect.arrayContaining(['CD', 'RW']));
    expect(v.some((e) => e.names.some((n) => n.strength === 'weak'))).toBe(true);
  });

  it('streams the file in chunks with the same result', async () => {
    const text = read('un/UN_consolidated_2026-02-27.xml');
    const chunks = (function* () {
      for (let i = 0; i < text.length; i += 4096) yield text.slice(i, i + 4096);
    })();
    const v = await parseUnXml(chunks);
    expect(v.length).toBe(1003);
  });

  it('rejects malformed XML and records without a name, with line and reason', async () => {
    await expectParseError(
      parseUnXml('<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<NOTE>\n</NOTES>'),
      4,
      /malformed XML/,
    );
    await expectParseError(
      parseUnXml(
        '<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<DATAID>1</DATAID>\n</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>',
      ),
      3,
      /no FIRST_NAME/,
    );
    await expectParseError(parseUnXml('<OTHER/>'), 1, /unexpected root/);
  });
});

describe('OFAC legacy CSV', () => {
  it('parses SDN 2021: 8,976 entries (4,620 individuals, 406 vessels, 277 aircraft, 3,673 entities), 11,910 alt names', async () => {
    const stats = newStats();
    const files = {
      sdn: read('ofac/sdn_2021/sdn.csv'),
      alt: read('ofac/sdn_2021/alt.csv'),
      add: read('ofac/sdn_2021/add.csv'),
      comments: read('ofac/sdn_2021/sdn_comments.csv'),
    };
    const v = parseOfac(files, 'ofac-sdn', stats);
    expect(v.length).toBe(8976);
    expect(count(v, (e) => e.kind)).toEqual({ person: 4620, vessel: 406, aircraft: 277, organisation: 3673 });
    expect(stats.aliases).toBe(11910);
    expect(stats.orphans).toBe(0);
    const hamas = v.find((e) => e.id === 'ofac-sdn-3754')!;
    expect(hamas.names[0]!.value).toBe('ABU MARZOOK, Mousa Mohammed');
    expect(hamas.birthDates[0]).toMatchObject({ kind: 'exact', date: '1951-02-09' });
    expect(hamas.identifiers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'passport', normalized: '92664', country: 'Egypt' }),
      ]),
    );
    expect(hamas.names.some((n) => n.strength === 'weak' && n.value === "ABU-'UMAR")).toBe(true);
    const bnc = v.find((e) => e.id === 'ofac-sdn-306')!;
    expect(bnc.names.map((n) => n.value)).toEqual(
      expect.arrayContaining(['BANCO NACIONAL DE CUBA', 'NATIONAL BANK OF CUBA', 'BNC']),
    );
    expect(bnc.programmes).toEqual(['CUBA']);
  });

  it('parses the consolidated non-SDN set: 442 entries, 1,073 alt names', () => {
    const stats = newStats();
    const v = parseOfac(
      {
        sdn: read('ofac/non_sdn_2025/cons_prim.csv'),
        alt: read('ofac/non_sdn_2025/cons_alt.csv'),
        add: read('ofac/non_sdn_2025/cons_add.csv'),
        comments: read('ofac/non_sdn_2025/cons_comments.csv'),
      },
      'ofac-cons',
      stats,
    );
    expect(v.length).toBe(442);
    expect(stats.aliases).toBe(1073);
  });

  it('rejects wrong column counts, non-numeric ids and broken quoting with line and reason', async () => {
    await expectParseError(
      () => parseOfac({ sdn: '36,"A",-0- ,"CUBA"\r\n' }),
      1,
      /expected 12 columns, found 4/,
    );
    const good = '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n';
    await expectParseError(
      () => parseOfac({ sdn: `${good}x1,"B",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n` }),
      2,
      /not a number/,
    );
    await expectParseError(() => parseOfac({ sdn: good, alt: '36,12,"aka"\r\n' }), 1, /expected 5 columns/);
    const v = parseOfac({ sdn: `${good}\x1a` });
    expect(v[0]!.names[0]!.value).toBe('AEROCARIBBEAN AIRLINES');
  });
});

describe('EU 833/2014 CSV', () => {
  it('keeps one listing per row: 1,746 = 1,085 legal entities + 633 vessels + 28 assets', () => {
    const v = parseEu833Csv(read('eu_journal/32014R0833.csv'));
    expect(v.length).toBe(1746);
    expect(count(v, (e) => e.kind)).toEqual({ organisation: 1085, vessel: 633, other: 28 });
    expect(new Set(v.map((e) => e.id)).size).toBe(1746);
    const angara = v.find((e) => e.id === 'eu833-XLII-1')!;
    expect(angara.identifiers[0]).toMatchObject({ type: 'imo', normalized: '9179842' });
    const sirius = v.find((e) => e.names[0]!.value === 'JSC Sirius')!;
    expect(sirius.names.some((n) => n.script === 'Cyrillic')).toBe(true);
  });

  it('rejects a missing column, an unknown schema and a short row', async () => {
    await expectParseError(() => parseEu833Csv('celex,recordId,annex,name\n'), 1, /schema/);
    const header = read('eu_journal/32014R0833.csv').split(/\r?\n/)[0]!;
    const cols = header.split(',').length;
    const row = (schema: string) =>
      ['32014R0833', '1', 'EU-RUS', 'IV', 'x', '', '', schema, 'ACME']
        .concat(Array(cols - 9).fill(''))
        .join(',');
    await expectParseError(
      () => parseEu833Csv(`${header}\n${row('LegalEntity')}\n${row('Spaceship')}\n`),
      3,
      /unknown schema/,
    );
    await expectParseError(
      () => parseEu833Csv(`${header}\n32014R0833,1\n`),
      2,
      /expected \d+ columns, found 2/,
    );
  });
});

describe('BIS DPL, US CSL, FtM', () => {
  it('BIS denied persons: 546 records, names trimmed', () => {
    const v = parseBisDpl(read('us_bis/dpl.txt'));
    expect(v.length).toBe(546);
    expect(v[0]!.names[0]!.value).toBe('ADRIAN MANUEL HERNANDEZ');
    expect(new Set(v.map((e) => e.id)).size).toBe(546);
  });

  it('US CSL legacy (115 rows) and current (13 rows) layouts', () => {
    const legacy = parseUsCsl(read('us_csl/csl_sample_legacy.csv'));
    expect(legacy.length).toBe(115);
    const vessel = legacy.find((e) => e.identifiers.some((i) => i.type === 'imo'))!;
    expect(vessel.kind).toBe('vessel');
    expect(parseUsCsl(read('us_csl/consolidated_sample_v1.csv')).length).toBe(13);
  });

  it('FtM JSON lines: things become entities, sanctions fold into them', () => {
    const t1 = parseFtmJsonl(read('ftm/yente_t1_entities.ftm.json'));
    expect(count(t1, (e) => e.kind)).toEqual({ organisation: 2, person: 4 });
    const zala = parseFtmJsonl(read('ftm/yente_zala_entities.ftm.json'));
    expect(zala.length).toBe(17);
    expect(zala.every((e) => e.programmes.length > 0)).toBe(true);
  });

  it('rejects broken JSON lines and rows with line and reason', async () => {
    await expectParseError(
      () => parseFtmJsonl('{"id":"a","schema":"Person","properties":{"name":["A"]}}\n{oops'),
      2,
      /invalid JSON/,
    );
    await expectParseError(() => parseFtmJsonl('{"schema":"Person","properties":{}}'), 1, /"id"/);
    await expectParseError(() => parseBisDpl('"Name"\t"City"\n'), 1, /Street_Address/);
    await expectParseError(() => parseUsCsl('source,name,alt_names,ids\nX,,,\n'), 2, /empty name/);
  });
});

describe('EU FSF XML (hand-made test file following FORMAT.md)', () => {
  const file = new URL('../testdata/eu_fsf_handmade.xml', import.meta.url);

  it('parses persons and enterprises with strong and weak aliases, ids, dates, citizenships', async () => {
    const v = await parseEuFsfXml(readFileSync(file, 'utf8'));
    expect(v.map((e) => e.id)).toEqual(['eu-fsf-900001', 'eu-fsf-900002', 'eu-fsf-900003']);
    const [ivan, company, olga] = v as [(typeof v)[0], (typeof v)[0], (typeof v)[0]];
    expect(ivan.kind).toBe('person');
    expect(ivan.names.map((n) => [n.value, n.strength])).toEqual([
      ['Ivan Petrovich Testovsky', 'primary'],
      ['Иван Петрович Тестовский', 'alias'],
      ['Vanya Test', 'weak'],
    ]);
    expect(ivan.names[1]).toMatchObject({ lang: 'ru', script: 'Cyrillic' });
    expect(ivan.birthDates[0]).toMatchObject({ date: '1961-04-12' });
    expect(ivan.identifiers[0]).toMatchObject({ type: 'passport', normalized: '7200111222' });
    expect(ivan.countryCodes).toEqual(['RU']);
    expect(ivan.programmes).toEqual(expect.arrayContaining(['RUS']));
    expect(company.kind).toBe('organisation');
    expect(company.identifiers[0]!.type).toBe('registration');
    expect(olga.names[0]!.value).toBe('Olga Examplova');
    expect(olga.birthDates[0]).toMatchObject({ kind: 'year', year: 1975, approximate: true });
  });

  it('parses as a stream of small chunks', async () => {
    const v = await parseEuFsfXml(
      readFileSync(file)
        .toString('utf8')
        .match(/[\s\S]{1,100}/g)!,
    );
    expect(v.length).toBe(3);
  });

  it('rejects missing logicalId, missing names and broken XML with line and reason', async () => {
    const head = '<export xmlns="http://eu.europa.ec/fpi/fsd/export">\n';
    await expectParseError(
      parseEuFsfXml(`${head}<sanctionEntity>\n</sanctionEntity></export>`),
      2,
      /without logicalId/,
    );
    await expectParseError(
      parseEuFsfXml(
        `${head}<sanctionEntity logicalId="1">\n<subjectType code="person"/>\n</sanctionEntity></export>`,
      ),
      2,
      /has no nameAlias/,
    );
    await expectParseError(
      parseEuFsfXml(`${head}<sanctionEntity logicalId="1">\n<nameAlias wholeName="A"></sanctionEntity>`),
      3,
      /malformed XML/,
    );
  });
});

describe('loadList', () => {
  it('loads an OFAC folder and gives a content-derived version id', async () => {
    const a = await loadList({
      listId: 'tiny',
      format: 'ofac-csv',
      location: sanctionsData('ofac/tiny_2025'),
    });
    const b = await loadList({
      listId: 'tiny',
      format: 'ofac-csv',
      location: sanctionsData('ofac/tiny_2025'),
    });
    expect(a.entities.length).toBe(17);
    expect(a.versionId).toBe(b.versionId);
    expect(a.hashes.size).toBe(17);
  });
});
