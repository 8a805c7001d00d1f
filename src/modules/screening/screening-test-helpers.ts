/** Helpers for the screening integration tests (not used by the server). */
import { readFileSync } from 'node:fs';
import type { TestApp, TestClient } from '../../testing/test-app.ts';
import { DEMO_LIST } from './list-sources.ts';

export function upload(c: TestClient, url: string, content: string | Buffer, name: string) {
  const boundary = '----eucabscreening';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return c.request({
    method: 'POST',
    url,
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

/** Waits for the batch's job, then reads the batch. */
export async function finishedBatch(t: TestApp, c: TestClient, upload: { batchId: string; jobId: string }) {
  await t.waitForJob(upload.jobId);
  return (await c.get(`/api/v1/screening/batches/${upload.batchId}`)).json();
}

/**
 * Version 2 of the hand-made demo list (fictitious): entry p2 amended (an alias added), a new
 * person added, the rest unchanged.
 */
export function demoListV2(): string {
  const lines = readFileSync(DEMO_LIST.location, 'utf8').trim().split('\n');
  const out = lines.map((l) => {
    const o = JSON.parse(l);
    if (o.id === 'eucab-demo-p2') o.properties.alias = ['Erika Beispiel'];
    return JSON.stringify(o);
  });
  out.push(
    JSON.stringify({
      id: 'eucab-demo-p4',
      schema: 'Person',
      properties: {
        name: ['Viktor Samplov'],
        birthDate: ['1969-07-21'],
        nationality: ['ru'],
        program: ['EUCAB demo programme (fictitious)'],
        notes: ['FICTITIOUS DEMO ENTRY: not a real sanctions listing.'],
      },
      datasets: ['eucab_demo'],
    }),
  );
  return `${out.join('\n')}\n`;
}
