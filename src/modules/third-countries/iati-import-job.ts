import { sql } from 'kysely';
import { z } from 'zod';
import { isUser } from '../../access/actor.ts';
import { change } from '../../core/change.ts';
import { HttpError } from '../../http/errors.ts';
import { defineJobKind } from '../../jobs/job-registry.ts';
import { JobFailedError } from '../../jobs/job-types.ts';
import { eucabTheme } from '../../registry/kinds/third-countries/third-countries.codes.ts';
import { createRecord } from '../../registry/record-service.ts';
import {
  type ImportFilters,
  type Mapped,
  mapActivity,
  matchesFilters,
  type OrgLookup,
} from './iati-mapping.ts';
import { IatiFileError, readIatiActivities } from './iati-reader.ts';
import { readableRecordsOf } from './operations/projects.ts';
import { externalOrgKind, projectKind } from './third-countries-kinds.ts';

const THEMES = eucabTheme.codes.map((c) => c.code) as [string, ...string[]];

export const iatiImportData = z.strictObject({
  sectors: z
    .array(z.string().regex(/^\d{3}(\d{2})?$/, 'an OECD-DAC code of 3 or 5 digits'))
    .max(50)
    .default([]),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'a country code such as RS'))
    .max(60)
    .default([]),
  text: z.string().trim().max(200).default(''),
  themes: z.array(z.enum(THEMES)).min(1, 'name at least one thematic area for the imported projects').max(7),
});
export type IatiImportData = z.infer<typeof iatiImportData>;

export interface IatiImportReport {
  version: string;
  activities: number;
  matched: number;
  created: { id: string; identifier: string; title: string }[];
  skipped: { identifier: string; reason: string }[];
  notMapped: { identifier: string; items: string[] }[];
}

/**
 * The IATI import as a job (kind `third-countries.iati-import`, readable by the importer's
 * organisation): reads the stored file as a stream (iati-reader.ts), keeps the activities that
 * pass the filters, and adds each as a draft cooperation project of the starter's administration,
 * one short transaction per project (the embedded database keeps answering). An activity whose
 * IATI identifier the administration already holds is skipped — so a restarted job adds nothing
 * twice. The result lists what was added, skipped and not mapped.
 */
export const iatiImportJob = defineJobKind({
  kind: 'third-countries.iati-import',
  readableBy: 'organisation',
  parse: (d) => iatiImportData.parse(d),
  async run(ctx): Promise<IatiImportReport> {
    const a = ctx.actor;
    if (!isUser(a)) throw new JobFailedError('The account that started this import is no longer active.');
    const file = await ctx.file();
    if (!file) throw new JobFailedError('The uploaded file is missing.');
    const filters: ImportFilters = {
      sectors: ctx.data.sectors,
      countries: ctx.data.countries,
      text: ctx.data.text,
    };
    const orgs = await orgLookup(ctx.db, a);
    const kept: { identifier: string; mapped: Mapped }[] = [];
    let read: Awaited<ReturnType<typeof readIatiActivities>>;
    try {
      read = await readIatiActivities(
        file.bytes,
        (act) => {
          if (matchesFilters(act, filters))
            kept.push({ identifier: act.identifier, mapped: mapActivity(act, ctx.data.themes, orgs) });
        },
        { onProgress: (done, total) => ctx.progress({ done, total, phase: 'reading' }) },
      );
    } catch (e) {
      if (e instanceof IatiFileError)
        throw new JobFailedError(e.message, [
          { line: e.line ?? undefined, column: e.column?.toString() ?? undefined, reason: e.message },
        ]);
      throw e;
    }
    const held = new Set(
      (
        await ctx.db
          .selectFrom('registry_records')
          .select(sql<string>`data->>'iati_identifier'`.as('identifier'))
          .where('kind', '=', projectKind.name)
          .where('owner_org_id', '=', a.orgId)
          .where('status', '<>', 'retracted')
          .where(sql<boolean>`data->>'iati_identifier' IS NOT NULL`)
          .execute()
      ).map((r) => r.identifier),
    );
    const report: IatiImportReport = {
      version: read.version,
      activities: read.activities,
      matched: kept.length,
      created: [],
      skipped: [],
      notMapped: [],
    };
    const deps = { db: ctx.db, outbox: { kick() {} } }; // drafts notify nobody; the outbox worker polls
    for (const [i, k] of kept.entries()) {
      await ctx.progress({ done: i, total: kept.length, phase: 'saving' });
      const id = k.mapped.data.iati_identifier as string | null;
      if (id && held.has(id)) {
        report.skipped.push({
          identifier: k.identifier,
          reason: 'your administration already has a project with this IATI identifier',
        });
        continue;
      }
      try {
        const rec = await change(deps, (trx) =>
          createRecord(trx, a, projectKind, { data: k.mapped.data, publish: false }),
        );
        if (id) held.add(id);
        const title = k.mapped.data.title as Record<string, string>;
        report.created.push({
          id: rec.id,
          identifier: k.identifier,
          title: title.en ?? Object.values(title)[0]!,
        });
        if (k.mapped.notMapped.length)
          report.notMapped.push({ identifier: k.identifier, items: k.mapped.notMapped });
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        const detail = e.errors?.map((x) => `${x.field}: ${x.message}`).join('; ') || e.message;
        report.skipped.push({ identifier: k.identifier, reason: detail });
      }
    }
    await ctx.progress({ done: kept.length, total: kept.length, phase: 'saving' });
    return report;
  },
});

/** Platform organisations and the external organisations the starter may read, by IATI identifier. */
async function orgLookup(
  db: Parameters<typeof readableRecordsOf>[0],
  a: Parameters<typeof readableRecordsOf>[1],
): Promise<OrgLookup> {
  const platform = await db
    .selectFrom('organisations')
    .select(['id', 'iati_org_id'])
    .where('iati_org_id', 'is not', null)
    .execute();
  const external = await readableRecordsOf<{ org_identifier?: string | null }>(
    db,
    a,
    externalOrgKind,
    {},
    20_000,
  );
  return {
    platform: new Map(platform.map((o) => [o.iati_org_id!, o.id])),
    external: new Map(
      external.filter((e) => e.data.org_identifier).map((e) => [e.data.org_identifier!, e.id]),
    ),
  };
}
