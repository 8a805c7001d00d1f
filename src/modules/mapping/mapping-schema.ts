import { z } from 'zod';

/** zod schemas shared by the mapping routes. */
export const idParams = z.strictObject({ id: z.uuid() });
export const versionParams = z.strictObject({ id: z.uuid(), version: z.string().min(1).max(100) });
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const importQuery = z.strictObject({
  dryRun: flag,
  withoutBlocked: flag,
  networkId: z.uuid().optional(),
});

export const campaignBody = z.strictObject({
  questionnaireVersionId: z.uuid(),
  networkId: z.uuid().optional(),
  title: z.string().trim().min(1).max(300),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  respondentUnit: z.enum(['administration', 'person']).default('administration'),
  sharing: z.enum(['named', 'aggregate_only', 'coordinator_only']),
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('all') }),
    z.strictObject({ kind: z.literal('network'), networkId: z.uuid() }),
    z.strictObject({ kind: z.literal('sharing_group'), sharingGroupId: z.uuid() }),
    z.strictObject({ kind: z.literal('list'), organisationIds: z.array(z.uuid()).min(1).max(100) }),
  ]),
  reminderDays: z.array(z.int().min(1).max(60)).max(5).default([7, 2]),
});

export const extendBody = z.strictObject({ closesAt: z.iso.datetime({ offset: true }) });
export const assignmentParams = z.strictObject({ id: z.uuid(), assignmentId: z.uuid() });
const code = z.string().min(1).max(200);
export const recordMappingsBody = z.strictObject({
  mappings: z
    .array(
      z.strictObject({
        /** a repeat group at the top level of the form */
        repeat: code,
        /** a registry kind (`GET /registry`) */
        kind: z.string().regex(/^[a-z][a-z0-9_]{0,99}$/),
        /** question code of the group → field name of the kind */
        fields: z.record(code, z.string().min(1).max(100)),
      }),
    )
    .max(20),
});
export const assignBody = z.strictObject({ userId: z.uuid(), role: z.enum(['respondent', 'validator']) });

const language = z
  .string()
  .regex(/^[a-z]{2}(-[A-Za-z]{2})?$/)
  .optional();
export const saveBody = z.strictObject({
  version: z.int().min(0),
  answers: z.record(z.string().max(200), z.unknown()),
  language,
});
export const validateBody = z.strictObject({ version: z.int().min(0), language });
export const reopenBody = z.strictObject({ reason: z.string().trim().min(3).max(2000) });

const filter = {
  filterQuestion: z.string().min(1).max(200).optional(),
  filterValue: z.string().max(500).optional(),
};
const codeList = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/i);
export const summariesQuery = z.strictObject({ question: z.string().min(1).max(200).optional(), ...filter });
export const crosstabQuery = z.strictObject({
  rows: z.string().min(1).max(200),
  cols: z.string().min(1).max(200),
  ...filter,
});
export const coverageQuery = z.strictObject({ list: codeList });
export const radarQuery = z.strictObject({
  list: codeList,
  measure: z.string().min(1).max(200).optional(),
  administration: z.uuid().optional(),
});
export const exportQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
  /** true: choice, yes/no and multilingual answers as labels in `language` (default: the form's). */
  labels: flag,
  language,
});
export const trendsQuery = z.strictObject({ question: z.string().min(1).max(200) });

export const fileQuery = z.strictObject({ question: z.string().trim().min(1).max(200) });
export const fileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });
