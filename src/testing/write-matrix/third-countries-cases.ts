import { donorFile } from '../../modules/third-countries/iati-test-files.ts';
import type { MatrixCtx, WriteCase } from './harness.ts';

/**
 * Write cases of cooperation with third countries (src/modules/third-countries): the IATI import
 * (any writer may add projects: a job per file) and the IATI export (a query: the read scope).
 * The registry kinds themselves are covered from their definitions (registry-cases.ts).
 */
const OWNER = 'nl.expert@demo.eucab.eu';

/** A published project of the Dutch administration, which has an IATI organisation identifier. */
async function exportableProject(ctx: MatrixCtx): Promise<string> {
  await ctx.t.rt.db
    .updateTable('organisations')
    .set({ iati_org_id: 'NL-KVK-27378529' })
    .where('code', '=', 'NL')
    .execute();
  const p = await ctx.ok(OWNER, 'POST', '/api/v1/registry/cooperation_project', {
    data: {
      title: { en: `Matrix project ${ctx.token()}` },
      description: { en: 'Risk-based controls.' },
      seed_status: 'planned',
      themes: ['risk'],
      planned_start: '2026-01-01',
    },
    publish: true,
  });
  return p.id as string;
}

export function thirdCountriesCases(): WriteCase[] {
  return [
    {
      op: 'POST /api/v1/third-countries/iati-import',
      owner: OWNER,
      otherOrg: 'de.expert@demo.eucab.eu',
      sameOrgNoRole: 'nl.analyst@demo.eucab.eu',
      // Any writer adds projects: other administrations and colleagues import as well.
      expect: { owner: 202, otherOrg: 202, sameOrgNoRole: 202 },
      prepare: async () => ({
        url: '/api/v1/third-countries/iati-import',
        upload: {
          filename: 'donor.xml',
          content: donorFile(1),
          contentType: 'application/xml',
          fields: { themes: 'risk', sectors: '99999' },
        },
      }),
    },
    {
      op: 'POST /api/v1/third-countries/iati-export',
      owner: OWNER,
      otherOrg: 'de.expert@demo.eucab.eu',
      sameOrgNoRole: 'nl.analyst@demo.eucab.eu',
      // A query (nothing stored): the read scope; every reader of the published project exports it.
      expect: {
        owner: 200,
        readKey: 200,
        writeKey: 403,
        otherOrg: 200,
        sameOrgNoRole: 200,
        readOnlyOrg: 200,
      },
      prepare: async (ctx) => ({
        url: '/api/v1/third-countries/iati-export',
        body: { ids: [await exportableProject(ctx)] },
      }),
    },
  ];
}
