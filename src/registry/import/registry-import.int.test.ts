import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let de: TestClient;
let modelId: string;

function upload(c: TestClient, url: string, name: string, bytes: Buffer) {
  const boundary = '----eucabimport';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return c.request({
    method: 'POST',
    url,
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('items');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER = ['inventory_ref', 'model', 'category', 'quantity', 'year_acquired', 'country', 'border_types'];
function itemRows(n: number, quantity = 1) {
  return Array.from({ length: n }, (_, i) => [
    `DE-${String(i).padStart(4, '0')}`,
    modelId,
    'nii',
    quantity,
    2015 + (i % 10),
    'DE',
    i % 2 ? 'sea; land' : 'air',
  ]);
}
const count = async () =>
  (
    await t.rt.db
      .selectFrom('registry_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'equipment_item')
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.expert@demo.eucab.eu');
  modelId = (
    await de.post('/api/v1/registry/equipment_model', {
      data: { manufacturer: 'Smiths', model: 'HCVM', category: 'nii', technology: 'xray_high' },
      publish: true,
    })
  ).json().id;
});
afterAll(async () => t?.close());

describe('registry import', () => {
  it('an XLSX of 200 rows with 3 bad rows: every problem reported, nothing written', async () => {
    const rows = itemRows(200);
    rows[10]![3] = 'lots'; // quantity not a number
    rows[50]![2] = 'teleport'; // unknown code
    rows[120]![5] = 'XX'; // not the importing administration's country (owner-bound)
    const file = await xlsx([HEADER, ...rows]);
    const dry = await upload(de, '/api/v1/registry/equipment_item/import?dryRun=true', 'items.xlsx', file);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().errors).toEqual([
      { line: 12, column: 'quantity', reason: '"lots" is not a number.' },
      { line: 52, column: 'category', reason: '"teleport" is not a code of the list control_purpose.' },
      { line: 122, column: 'country', reason: expect.stringContaining("owning administration's (DE)") },
    ]);
    expect(dry.json().wouldInsert).toBe(197);
    const commit = await upload(
      de,
      '/api/v1/registry/equipment_item/import?dryRun=false',
      'items.xlsx',
      file,
    );
    expect(commit.statusCode).toBe(422);
    expect(await count()).toBe(0);
  });

  it('fixed and re-imported: inserts, then updates without duplicates; one audit event per import', async () => {
    const file = await xlsx([HEADER, ...itemRows(200)]);
    const res = await upload(
      de,
      '/api/v1/registry/equipment_item/import?dryRun=false&publish=true',
      'items.xlsx',
      file,
    );
    expect(res.statusCode, res.body).toBe(202);
    await t.waitForJob(res.json().jobId);
    const job = (await de.get(`/api/v1/registry/equipment_item/import/${res.json().jobId}`)).json();
    expect(job).toMatchObject({ status: 'published', inserted: 200, updated: 0 });
    expect(await count()).toBe(200);
    const changed = itemRows(200);
    for (const r of changed.slice(0, 30)) r[3] = 5;
    const again = await upload(
      de,
      '/api/v1/registry/equipment_item/import?dryRun=true',
      'items.xlsx',
      await xlsx([HEADER, ...changed]),
    );
    expect(again.json()).toMatchObject({ wouldInsert: 0, wouldUpdate: 30, unchanged: 170, errors: [] });
    const commit = await upload(
      de,
      '/api/v1/registry/equipment_item/import?dryRun=false&publish=true',
      'items.xlsx',
      await xlsx([HEADER, ...changed]),
    );
    await t.waitForJob(commit.json().jobId);
    expect(await count()).toBe(200);
    const rec = await t.rt.db
      .selectFrom('registry_records')
      .select(['id', 'version', 'data'])
      .where('import_key', '=', 'de-0000')
      .executeTakeFirstOrThrow();
    expect(rec.version).toBe(2);
    expect((rec.data as { quantity: number }).quantity).toBe(5);
    const events = await t.rt.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'equipment_item.import_published')
      .execute();
    expect(events.map((e) => (e.changes as { inserted: number; updated: number }).updated)).toEqual([0, 30]);
    // The matrix and the map views count them.
    const stats = (
      await (
        await t.as('fr.expert@demo.eucab.eu')
      ).get('/api/v1/registry/equipment_item/stats?groupBy=country&sumField=quantity')
    ).json();
    expect(stats.cells).toEqual([{ organisation: 'DE', value: 'DE', measure: 170 + 30 * 5 }]);
  });

  it('reads CSV and JSON too, reports header problems, and re-imports its own export', async () => {
    const csv = 'inventory_ref,model,colour\nX,1,red\n';
    const bad = (
      await upload(de, '/api/v1/registry/equipment_item/import', 'x.csv', Buffer.from(csv))
    ).json();
    // (No "country" column needed: the server sets it to the importer's.)
    expect(bad.errors.map((e: { column: string }) => e.column).sort()).toEqual([
      'category',
      'colour',
      'quantity',
    ]);
    const json = JSON.stringify([
      { inventory_ref: 'J-1', model: modelId, category: 'nii', quantity: 2, country: 'DE' },
    ]);
    expect(
      (await upload(de, '/api/v1/registry/equipment_item/import', 'x.json', Buffer.from(json))).json(),
    ).toMatchObject({ wouldInsert: 1, errors: [] });
    expect(
      (await upload(de, '/api/v1/registry/equipment_item/import', 'x.json', Buffer.from('{nope'))).json()
        .errors[0].reason,
    ).toMatch(/not valid JSON/);
    expect(
      (await upload(de, '/api/v1/registry/equipment_item/import', 'x.txt', Buffer.from('a'))).statusCode,
    ).toBe(415);
    const exported = await de.get('/api/v1/registry/equipment_item/export?format=csv');
    const reimport = (
      await upload(de, '/api/v1/registry/equipment_item/import', 'export.csv', Buffer.from(exported.body))
    ).json();
    expect(reimport).toMatchObject({ wouldInsert: 0, wouldUpdate: 0, unchanged: 200, errors: [] });
  });

  it('a cancelled import leaves nothing; observers cannot import', async () => {
    const rows = itemRows(3000).map((r) => [`C-${r[0]}`, ...r.slice(1)]);
    const res = await upload(
      de,
      '/api/v1/registry/equipment_item/import?dryRun=false',
      'big.xlsx',
      await xlsx([HEADER, ...rows]),
    );
    expect(res.statusCode).toBe(202);
    expect(
      (await de.post(`/api/v1/registry/equipment_item/import/${res.json().jobId}/cancel`)).statusCode,
    ).toBe(200);
    await t.waitForJob(res.json().jobId);
    expect(await count()).toBe(200);
    const observer = await t.as('observer@demo.eucab.eu');
    expect(
      (await upload(observer, '/api/v1/registry/equipment_item/import', 'x.json', Buffer.from('[]')))
        .statusCode,
    ).toBe(403);
  });
});

describe('registry import rights', () => {
  it('a colleague who is neither author nor NCP cannot overwrite records by import', async () => {
    const colleague = await t.as('de.analyst@demo.eucab.eu');
    const rows = itemRows(2);
    rows[0]![3] = 99;
    rows[1]![3] = 5; // as the earlier re-import left it: unchanged, so no error
    const res = (
      await upload(
        colleague,
        '/api/v1/registry/equipment_item/import',
        'items.xlsx',
        await xlsx([HEADER, ...rows]),
      )
    ).json();
    expect(res.errors).toEqual([
      { line: 2, column: 'inventory_ref', reason: expect.stringContaining('only its author or your NCP') },
    ]);
  });
});

describe('a large file is parsed off the main thread', () => {
  it('GET /api/health is answered while a 20,000-row XLSX is being read (event order, not timing)', async () => {
    const file = await xlsx([HEADER, ...itemRows(20_000).map((r, i) => [`BIG-${i}`, ...r.slice(1)])]);
    const events: string[] = [];
    let done = false;
    const dry = upload(de, '/api/v1/registry/equipment_item/import?dryRun=true', 'big.xlsx', file).then(
      (res) => {
        events.push('import');
        done = true;
        return res;
      },
    );
    while (!done) {
      // A macrotask between checks, as between two real requests (inject alone never leaves the microtask queue).
      await new Promise((r) => setTimeout(r, 5));
      const h = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(h.statusCode).toBe(200);
      if (!done) events.push('health');
    }
    const res = await dry;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 20_000, wouldInsert: 20_000, errors: [] });
    // The parse ran in a worker thread: health checks kept being answered before the dry run's answer.
    expect(events.indexOf('import')).toBeGreaterThanOrEqual(5);
  });
});
