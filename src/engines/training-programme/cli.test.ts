import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';

const input = {
  weeks: 4,
  administrations: [{ code: 'FR', lat: 48.86, lon: 2.35 }],
  needs: [
    { id: 'n1', admin: 'FR', competency: 'origin', level: 'aware', officers: 4, priority: 2, language: 'en' },
  ],
  courses: [
    {
      id: 'origin-1',
      competencies: ['origin'],
      level: 'trained',
      languages: ['en'],
      durationDays: 3,
      maxParticipants: 10,
    },
  ],
  trainers: [{ id: 't', competencies: ['origin'], languages: ['en'], availableWeeks: [2] }],
  facilities: [{ id: 'lille', admin: 'FR', lat: 50.6, lon: 3.1, capacity: 12, availableWeeks: [1, 2, 3, 4] }],
};

describe('training-programme CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tp-cli-'));
  it('prints the programme table', async () => {
    const file = join(dir, 'in.json');
    writeFileSync(file, JSON.stringify(input));
    const out: string[] = [];
    expect(await runCli([file, '--time-limit', '5'], (s) => out.push(s))).toBe(0);
    expect(out.join('\n')).toMatch(/2-2\t2\torigin-1\tlille\tFR\ten\tt\t10\tFR:4/);
    const json: string[] = [];
    expect(await runCli([file, '--json', '--greedy'], (s) => json.push(s))).toBe(0);
    expect(JSON.parse(json.join(''))).toMatchObject({ method: 'greedy', figures: { coveredOfficers: 4 } });
  });
  it('exits 2 on bad input, naming the problem', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...input, needs: [{ ...input.needs[0], admin: 'XX' }] }));
    expect(await runCli([file], () => {})).toBe(2);
    expect(await runCli([join(dir, 'missing.json')], () => {})).toBe(2);
    expect(await runCli([], () => {})).toBe(2);
  });
});
