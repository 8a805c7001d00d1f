import { z } from 'zod';

const id = z.string().min(1).max(200);
const language = z.string().min(2).max(10);

export const pinSchema = z.strictObject({
  courseId: id,
  facilityId: id,
  language,
  week: z.number().int().min(1).max(53).optional(),
});

export const excludeSchema = z
  .strictObject({
    courseId: id.optional(),
    facilityId: id.optional(),
    language: language.optional(),
    trainerId: id.optional(),
  })
  .refine(
    (e) => Object.values(e).some((v) => v !== undefined),
    'Name at least one of courseId, facilityId, language, trainerId.',
  );

/** POST /training/programmes */
export const createProgrammeBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  year: z.number().int().min(2000).max(2100),
});

/** POST /training/programmes/:id/generate (a re-run sends the pins and exclusions it wants kept) */
export const generateProgrammeBody = z.strictObject({
  campaignId: z.uuid(),
  pins: z.array(pinSchema).max(200).default([]),
  excludes: z.array(excludeSchema).max(200).default([]),
  timeLimitSeconds: z.number().int().min(5).max(600).default(60),
});
export type GenerateProgrammeBody = z.infer<typeof generateProgrammeBody>;

/** The job's data: the programme record and the run's settings. */
export const programmeJobData = generateProgrammeBody.extend({ programmeId: z.uuid() });
export type ProgrammeJobData = z.infer<typeof programmeJobData>;
