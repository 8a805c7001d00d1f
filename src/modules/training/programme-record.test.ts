import { describe, expect, it } from 'vitest';
import { greedyProgramme, solveProgramme } from '../../engines/training-programme/index.ts';
import { dataSchema } from '../../registry/field-schema.ts';
import { trainingProgramme } from '../../registry/kinds/training/training-programme.kind.ts';
import { programmeRecordData } from './programme-record.ts';

const input = {
  weeks: 8,
  administrations: [
    { code: 'FR', lat: 48.86, lon: 2.35 },
    { code: 'DE', lat: 52.52, lon: 13.4 },
  ],
  needs: [
    {
      id: 'FR:origin',
      admin: 'FR',
      competency: 'origin',
      level: 'aware' as const,
      officers: 14,
      priority: 3,
      language: 'en',
    },
    {
      id: 'DE:k9',
      admin: 'DE',
      competency: 'k9',
      level: 'expert' as const,
      officers: 3,
      priority: 1,
      language: 'de',
    },
  ],
  courses: [
    {
      id: 'c1',
      competencies: ['origin'],
      level: 'trained' as const,
      languages: ['en'],
      durationDays: 5,
      maxParticipants: 10,
    },
  ],
  trainers: [{ id: 't1', competencies: ['origin'], languages: ['en'], availableWeeks: [2, 3, 5] }],
  facilities: [{ id: 'f1', admin: 'FR', lat: 50.6, lon: 3.1, capacity: 12, availableWeeks: [1, 2, 3, 4, 5] }],
  pins: [{ courseId: 'c1', facilityId: 'f1', language: 'en', week: 5 }],
  excludes: [{ trainerId: 't-gone' }],
};

describe('programmeRecordData', () => {
  it('gives data the training_programme kind accepts, with titles beside the ids', async () => {
    const schema = dataSchema(trainingProgramme);
    for (const p of [await solveProgramme(input, { timeLimitSeconds: 10 }), greedyProgramme(input)]) {
      const data = programmeRecordData({ title: 'Programme 2027', year: 2027 }, p, {
        c1: 'Origin of goods',
        t1: 'Trainer One (fictitious)',
      });
      const parsed = schema.safeParse(data);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(data).toMatchObject({
        covered_officers: 14,
        items: [
          {
            course: 'c1',
            course_title: 'Origin of goods',
            facility: 'f1',
            facility_title: 'f1',
            trainers: ['Trainer One (fictitious)'],
          },
          { pinned: true, start_week: 5 },
        ],
        pins: [{ course: 'c1', facility: 'f1', language: 'en', week: 5 }],
        excludes: [{ trainer: 't-gone' }],
        uncovered: [{ administration: 'DE', competency: 'k9', officers: 3, reason: 'no_course' }],
      });
    }
  });
});
