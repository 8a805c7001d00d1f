import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { COORDINATOR, importCapacity, openCampaign, setResponse, user } from './mapping-test-helpers.ts';

/** Result exports read back: XLSX (responses; repeat groups on a second sheet), CSV and JSON, codes or labels. */
let t: TestApp;
let coord: TestClient;
let named = '';
let aggregate = '';

const answers = (i: number) => ({
  staff: 100 * (i + 1),
  has_unit: i % 2 === 0,
  region: ['north', 'south', 'east'][i],
  tools: ['xray', 'lab'],
  remarks: i === 0 ? '=SUM(A1:A2)' : `Remark ${i}`,
  integrity: { f1: { maturity: 1 + i }, f3: { maturity: 5 } },
  initiatives: Array.from({ length: i + 1 }, (_, k) => ({
    initiative_name: `Initiative ${i}.${k + 1}`,
    initiative_factor: 'f1',
  })),
});

async function sheets(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const ws = wb.getWorksheet(name)!;
    const out: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v)));
      out.push(values);
    });
    return out;
  };
  return { names: wb.worksheets.map((w) => w.name), rows };
}

const col = (table: string[][], header: string[], name: string) =>
  table.map((r) => r[header.indexOf(name)] ?? '');

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000' } });
  coord = await t.as(COORDINATOR);
  const q = await importCapacity(t, coord);
  named = (await openCampaign(t, coord, q.versionId, 'named', ['AT', 'BE', 'DE', 'NL'])).id;
  aggregate = (await openCampaign(t, coord, q.versionId, 'aggregate_only', ['AT', 'BE', 'DE'])).id;
  for (const c of [named, aggregate])
    for (const [i, cc] of ['AT', 'BE', 'DE'].entries()) await setResponse(t, c, cc, answers(i));
  await setResponse(t, named, 'NL', answers(0), 'draft');
}, 120_000);
afterAll(async () => t?.close());

describe('results export', () => {
  const url = (c: string, q: string) => `/api/v1/mapping/campaigns/${c}/results/export?${q}`;

  it('XLSX: one row per validated response, matrices as <question>/<row>/<column>, repeats on a second sheet', async () => {
    const res = await coord.get(url(named, 'format=xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/eucab_capacity-2026\.1-responses\.xlsx/);
    const wb = await sheets(res.rawPayload);
    expect(wb.names).toEqual(['responses', 'repeat_groups']);
    const [marking, header, ...rows] = wb.rows('responses');
    expect(marking![0]).toMatch(/do not pass on outside the campaign/);
    expect(header).toEqual([
      'response_id',
      'administration',
      'respondent',
      'validated_at',
      'staff',
      'has_unit',
      'region',
      'tools',
      'remarks',
      ...['f1', 'f2', 'f3'].map((r) => `integrity/${r}/maturity`),
    ]);
    // drafts do not count: AT, BE, DE only
    expect(col(rows, header!, 'administration')).toEqual(['AT', 'BE', 'DE']);
    expect(col(rows, header!, 'staff')).toEqual(['100', '200', '300']);
    expect(col(rows, header!, 'has_unit')).toEqual(['yes', 'no', 'yes']);
    expect(col(rows, header!, 'tools')).toEqual(['xray lab', 'xray lab', 'xray lab']);
    expect(col(rows, header!, 'integrity/f1/maturity')).toEqual(['1', '2', '3']);
    expect(col(rows, header!, 'integrity/f2/maturity')).toEqual(['', '', '']);
    expect(col(rows, header!, 'integrity/f3/maturity')).toEqual(['5', '5', '5']);
    // formula injection neutralised
    expect(col(rows, header!, 'remarks')[0]).toBe("'=SUM(A1:A2)");
    const [, rheader, ...entries] = wb.rows('repeat_groups');
    expect(rheader).toEqual([
      'response_id',
      'administration',
      'repeat',
      'entry',
      'initiative_name',
      'initiative_factor',
    ]);
    expect(entries).toHaveLength(1 + 2 + 3);
    expect(entries.map((e) => [e[1], e[2], e[3], e[4]])).toEqual([
      ['AT', 'initiatives', '1', 'Initiative 0.1'],
      ['BE', 'initiatives', '1', 'Initiative 1.1'],
      ['BE', 'initiatives', '2', 'Initiative 1.2'],
      ['DE', 'initiatives', '1', 'Initiative 2.1'],
      ['DE', 'initiatives', '2', 'Initiative 2.2'],
      ['DE', 'initiatives', '3', 'Initiative 2.3'],
    ]);
    // the key joins the two sheets
    const ids = new Map(rows.map((r) => [r[0], r[1]]));
    expect(entries.every((e) => ids.get(e[0]!) === e[1])).toBe(true);
  });

  it('labels=true: labels in the requested language, with a row of question labels', async () => {
    const res = await coord.get(url(named, 'format=xlsx&labels=true&language=fr'));
    expect(res.statusCode).toBe(200);
    const wb = await sheets(res.rawPayload);
    const [, header, labels, ...rows] = wb.rows('responses');
    expect(labels![header!.indexOf('staff')]).toBe('Personnel douanier');
    expect(labels![header!.indexOf('integrity/f1/maturity')]).toBe('Par facteur / Facteur F1 / Maturité');
    expect(col(rows, header!, 'has_unit')).toEqual(['Oui', 'Non', 'Oui']);
    const [, rheader, , ...entries] = wb.rows('repeat_groups');
    expect(col(entries, rheader!, 'initiative_factor')[0]).toBe('Facteur F1');
    const de = await sheets((await coord.get(url(named, 'format=xlsx&labels=true&language=de'))).rawPayload);
    const [, h2, , ...r2] = de.rows('responses');
    expect(col(r2, h2!, 'has_unit')).toEqual(['Ja', 'Nein', 'Ja']);
  });

  it('CSV and JSON as before, with labels on request', async () => {
    const csv = await coord.get(url(named, 'format=csv&labels=true&language=en'));
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^# /);
    expect(lines[1]).toBe(
      'administration,respondent,validated_at,staff,has_unit,region,tools,remarks,integrity,initiatives',
    );
    expect(lines[2]).toContain(',Yes,north,xray; lab,');
    const codes = await coord.get(url(named, 'format=csv'));
    expect(codes.body.split('\n')[2]).toContain(',yes,north,xray lab,');
    const json = (await coord.get(url(named, 'format=json&labels=true&language=fr'))).json();
    expect(json.labels).toBe('fr');
    expect(json.responses[0].answers).toMatchObject({
      has_unit: 'Oui',
      initiatives: [{ initiative_name: 'Initiative 0.1', initiative_factor: 'Facteur F1' }],
      tools: ['xray', 'lab'],
      staff: 100,
      integrity: { f1: { maturity: 1 } },
    });
    const plain = (await coord.get(url(named, 'format=json'))).json();
    expect(plain.labels).toBeUndefined();
    expect(plain.responses[0].answers).toEqual(answers(0));
  });

  it('400 for an unknown format or flag; aggregate only: the coordinator alone exports', async () => {
    expect((await coord.get(url(named, 'format=pdf'))).statusCode).toBe(400);
    expect((await coord.get(url(named, 'labels=maybe'))).statusCode).toBe(400);
    expect((await t.client().get(url(named, 'format=xlsx'))).statusCode).toBe(401);
    const ncp = await t.as(user('at', 'ncp'));
    expect((await ncp.get(url(aggregate, 'format=xlsx'))).statusCode).toBe(403);
    expect((await ncp.get(url(named, 'format=xlsx'))).statusCode).toBe(200);
    expect((await coord.get(url(aggregate, 'format=xlsx'))).statusCode).toBe(200);
  });
});
