/**
 * Registry import of 100,000 rows on PGlite: does the platform keep answering? (issue 3: "Imports
 * of 100,000 rows keep the platform answering on PGlite".)
 *
 * A seeded platform on an in-memory PGlite (the default embedded database, one session) imports a
 * CSV of 100,000 equipment catalogue rows through the real endpoint (dry run in the request, then
 * the background job: staging in short batches, one publish transaction). Meanwhile a probe asks
 * for the first page of the equipment list every 100 ms. Reported: the probe's latency while the
 * import runs against the same probe on the idle platform (the named baseline), the number of
 * probes answered, the longest wait, and the import's own times.
 *
 * Run: npx tsx bench/registry-import/bench.ts [--rows 100000] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createTestApp, type TestClient } from '../../src/testing/test-app.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const ROWS = Number(arg('rows', '100000'));
const JSON_OUT = args.includes('--json') ? arg('json', '') : '';
const PROBE = '/api/v1/registry/equipment_item?limit=20';

function pct(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const r1 = (x: number) => Math.round(x * 10) / 10;

function csv(modelId: string, n: number): Buffer {
  const lines = ['inventory_ref,model,category,quantity,year_acquired,country,border_types'];
  const countries = ['DE', 'FR', 'NL', 'BE', 'PL', 'ES', 'IT', 'SE'];
  for (let i = 0; i < n; i++)
    lines.push(
      `BENCH-${String(i).padStart(6, '0')},${modelId},nii,${1 + (i % 5)},${2010 + (i % 15)},${countries[i % countries.length]},${i % 2 ? 'sea; land' : 'air'}`,
    );
  return Buffer.from(`${lines.join('\n')}\n`);
}

function upload(c: TestClient, url: string, name: string, bytes: Buffer) {
  const boundary = '----eucabbench';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return c.request({
    method: 'POST',
    url,
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

async function probe(c: TestClient): Promise<number> {
  const t0 = performance.now();
  const res = await c.get(PROBE);
  if (res.statusCode !== 200) throw new Error(`probe: ${res.statusCode} ${res.body}`);
  return performance.now() - t0;
}

const started = new Date();
const t = await createTestApp({ env: { UPLOAD_LIMIT_BYTES: String(200 * 1024 * 1024) } });
const de = await t.as('de.expert@demo.eucab.eu');
const reader = await t.as('fr.expert@demo.eucab.eu');
const modelId = (
  await de.post('/api/v1/registry/equipment_model', {
    data: { manufacturer: 'Bench', model: 'B-1', category: 'nii', technology: 'xray_high' },
    publish: true,
  })
).json().id as string;
const file = csv(modelId, ROWS);
console.log(
  `registry import benchmark: ${ROWS.toLocaleString('en')} rows (${(file.length / 1e6).toFixed(1)} MB CSV), PGlite in memory; ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}`,
);

// Baseline: the probe on the idle platform.
for (let i = 0; i < 5; i++) await probe(reader);
const idle: number[] = [];
for (let i = 0; i < 50; i++) idle.push(await probe(reader));

// The import, with the probe running every 100 ms beside it.
const during: number[] = [];
let importing = true;
const prober = (async () => {
  while (importing) {
    during.push(await probe(reader));
    await new Promise((r) => setTimeout(r, 100));
  }
})();
const t0 = performance.now();
const res = await upload(de, '/api/v1/registry/equipment_item/import?dryRun=false', 'bench.csv', file);
const requestMs = performance.now() - t0;
if (res.statusCode !== 202 && res.statusCode !== 200)
  throw new Error(`import: ${res.statusCode} ${res.body}`);
const jobId = res.json().jobId as string;
await t.waitForJob(jobId, 3_600_000);
const totalMs = performance.now() - t0;
importing = false;
await prober;
const job = (await de.get(`/api/v1/registry/equipment_item/import/${jobId}`)).json();
const listed = (await reader.get('/api/v1/registry/equipment_item?limit=1')).json().total as number;
await t.close();

const result = {
  date: started.toISOString(),
  node: process.version,
  cpu: `${cpus().length} × ${cpus()[0]?.model}`,
  loadAverageAtStart: loadavg(),
  rows: ROWS,
  job: { status: job.status, inserted: job.inserted, updated: job.updated },
  visibleToAnotherAdministrationAfter: listed,
  importRequestSeconds: r1(requestMs / 1000),
  importTotalSeconds: r1(totalMs / 1000),
  probe: PROBE,
  idle: { n: idle.length, p50: r1(pct(idle, 50)), p95: r1(pct(idle, 95)), max: r1(Math.max(...idle)) },
  duringImport: {
    n: during.length,
    p50: r1(pct(during, 50)),
    p95: r1(pct(during, 95)),
    max: r1(Math.max(...during)),
  },
};
console.log(JSON.stringify(result, null, 2));
console.log(
  `probe p50 ${result.duringImport.p50} ms during the import vs ${result.idle.p50} ms idle (×${(result.duringImport.p50 / result.idle.p50).toFixed(2)}), p95 ×${(result.duringImport.p95 / result.idle.p95).toFixed(2)}, longest wait ${result.duringImport.max} ms; ${result.duringImport.n} probes answered in ${result.importTotalSeconds} s`,
);
if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(result, null, 2)}\n`);
if (job.status !== 'published' || job.inserted !== ROWS) {
  console.error('the import did not publish every row');
  process.exit(1);
}
