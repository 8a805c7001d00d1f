import { describe, expect, it } from 'vitest';
import type { Programme } from '../../engines/training-programme/index.ts';
import { runInWorker } from '../../jobs/index.ts';
import {
  loadProgrammeInput,
  type OfferRecord,
  type ProgrammeDataSource,
  weeksOf,
} from './programme-input.ts';
import type { ProgrammeTaskInput } from './programme-task.ts';

/**
 * The loader against a fake data source holding records and answers written with the field names
 * of the training kinds and the needs questionnaire (FIELDS, NEEDS_MATRIX).
 */
const offers: Record<string, OfferRecord[]> = {
  training_course: [
    {
      id: 'course-val',
      title: 'Customs valuation',
      data: {
        competencies: ['valuation'],
        level: 'advanced',
        languages: ['en', 'fr'],
        mode: 'classroom',
        duration_days: 5,
        max_participants: 12,
      },
    },
    {
      id: 'course-online',
      title: 'Origin online',
      data: {
        competencies: ['origin'],
        level: 'trained',
        languages: ['en'],
        mode: 'e_learning',
        duration_days: 2,
        max_participants: 100,
      },
    },
    {
      id: 'course-bad',
      title: 'No level',
      data: { competencies: ['origin'], languages: ['en'], duration_days: 2, max_participants: 10 },
    },
  ],
  trainer: [
    {
      id: 'trainer-1',
      title: 'Trainer One (fictitious)',
      data: { competencies: ['valuation'], languages: ['en', 'fr'], availability: ['Q2', '2027-W40'] },
    },
  ],
  training_facility: [
    {
      id: 'fac-lille',
      title: 'Lille school',
      data: {
        site: { label: 'Lille', lat: 50.63, lon: 3.06 },
        country: 'FR',
        capacity: 20,
        languages: ['fr', 'en'],
      },
    },
    { id: 'fac-none', title: 'Nowhere', data: { country: 'BE', capacity: 10 } },
  ],
};

const source: ProgrammeDataSource = {
  async needs() {
    return [
      {
        administration: 'BE',
        competency: 'valuation',
        values: {
          level_needed: 'trained',
          officers: 8,
          priority: 'high',
          preferred_language: 'fr',
          mode: 'classroom',
        },
      },
      {
        administration: 'DE',
        competency: 'valuation',
        values: { level_needed: 'aware', officers: '6', priority: 2, preferred_language: 'en' },
      },
      {
        administration: 'DE',
        competency: 'origin',
        values: { level_needed: 'aware', officers: 0, priority: 'low', preferred_language: 'en' },
      },
      {
        administration: 'NL',
        competency: 'origin',
        values: {
          level_needed: 'aware',
          officers: 4,
          priority: 'low',
          preferred_language: 'en',
          mode: 'e_learning',
        },
      },
      {
        administration: 'XX',
        competency: 'origin',
        values: { level_needed: 'aware', officers: 4, priority: 'low', preferred_language: 'en' },
      },
      { administration: 'PT', competency: 'origin', values: { officers: 4 } },
    ];
  },
  async offers(kind) {
    return offers[kind] ?? [];
  },
};

describe('loadProgrammeInput', () => {
  it('maps needs and offers to the engine input and says what it left out', async () => {
    const { input, titles, skipped } = await loadProgrammeInput(source, {
      pins: [{ courseId: 'course-val', facilityId: 'fac-lille', language: 'fr' }],
    });
    expect(input.needs).toEqual([
      {
        id: 'BE:valuation',
        admin: 'BE',
        competency: 'valuation',
        level: 'trained',
        officers: 8,
        priority: 3,
        language: 'fr',
      },
      {
        id: 'DE:valuation',
        admin: 'DE',
        competency: 'valuation',
        level: 'aware',
        officers: 6,
        priority: 2,
        language: 'en',
      },
    ]);
    expect(input.courses.map((c) => c.id)).toEqual(['course-val']);
    expect(input.trainers[0]?.availableWeeks).toEqual([...Array.from({ length: 13 }, (_, i) => 14 + i), 40]);
    expect(input.facilities).toMatchObject([
      { id: 'fac-lille', admin: 'FR', lat: 50.63, lon: 3.06, capacity: 20 },
    ]);
    expect(input.facilities[0]?.availableWeeks).toHaveLength(52);
    expect(input.administrations.map((a) => a.code).sort()).toEqual(['BE', 'DE', 'FR']);
    expect(input.pins).toHaveLength(1);
    expect(titles['trainer-1']).toBe('Trainer One (fictitious)');
    expect(skipped).toEqual([
      'NL origin: e-learning, not planned in sessions',
      'XX origin: no location for the administration',
      'PT origin: no level needed',
      'course No level: competencies, level, duration and participants are needed',
      'facility Nowhere: location, country and capacity are needed',
    ]);
  });

  it('reads availability as weeks, quarters, ISO weeks and ranges', () => {
    expect(weeksOf([3, '5', 'W07', { from: 10, to: 12 }, 99])).toEqual([3, 5, 7, 10, 11, 12]);
    expect(weeksOf(undefined, 4)).toEqual([1, 2, 3, 4]);
    // As a trainer's record writes it, in words.
    expect(weeksOf('Q1 and Q4, up to 10 days per quarter.', 52)).toEqual([
      ...Array.from({ length: 13 }, (_, i) => i + 1),
      ...Array.from({ length: 13 }, (_, i) => i + 40),
    ]);
    expect(weeksOf('2027-W14, W15')).toEqual([14, 15]);
  });

  it('solves the loaded input in a worker thread, with progress', async () => {
    const { input } = await loadProgrammeInput(source);
    const phases: string[] = [];
    const p = await runInWorker<ProgrammeTaskInput, Programme>(
      new URL('./programme-task.ts', import.meta.url),
      'solveProgrammeTask',
      { input, timeLimitSeconds: 10 },
      { onProgress: (x) => void phases.push(x.phase ?? '') },
    );
    expect(p.method).toBe('mip');
    expect(p.figures.coveredOfficers).toBe(14);
    expect(p.items.every((it) => it.facilityId === 'fac-lille' && it.startWeek >= 14)).toBe(true);
    expect(phases).toContain('programme_coverage');
  });

  it('stops the worker when the job is cancelled', async () => {
    const { input } = await loadProgrammeInput(source);
    const ctl = new AbortController();
    ctl.abort(new Error('cancelled'));
    await expect(
      runInWorker(
        new URL('./programme-task.ts', import.meta.url),
        'solveProgrammeTask',
        { input, timeLimitSeconds: 10 },
        { signal: ctl.signal },
      ),
    ).rejects.toThrow('cancelled');
  });
});
