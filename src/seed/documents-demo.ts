import { recordAudit } from '../audit/audit-log.ts';
import { loadActor } from '../auth/actor-loader.ts';
import { sampleDocx, sampleOdt, samplePdf } from '../core/document-text/sample-files.ts';
import type { Database } from '../db/connection.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { type CheckedFile, readFileText, storeAttachment } from '../registry/operations/attachments.ts';
import { createRecord } from '../registry/record-service.ts';
import { DEMO_DOMAIN } from './demo-data.ts';

const documentKind = KINDS.find((k) => k.name === 'document')!;
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';

interface DemoDocument {
  author: string;
  network: string | null;
  language: string;
  /** Index of the original in DOCUMENTS (a language version). */
  versionOf?: number;
  data: Record<string, unknown>;
  files: { filename: string; mimetype: string; bytes: Buffer }[];
}

/** The demo libraries' documents (labelled "[Demo]"; the files are written here, with searchable text). */
const DOCUMENTS: DemoDocument[] = [
  {
    author: 'de.expert',
    network: 'procurement',
    language: 'en',
    data: {
      title: '[Demo] Field test report: relocatable cargo scanner',
      library: 'procurement',
      folder: 'Field tests/2026',
      doc_type: 'report',
      doc_date: '2026-04-20',
      summary: 'Results of the joint field test of a relocatable high-energy scanner. Demo content.',
    },
    files: [
      {
        filename: 'field-test-report-draft.pdf',
        mimetype: PDF,
        bytes: samplePdf([
          [
            '[Demo] Field test report (draft)',
            'Relocatable high-energy cargo scanner at the port of Hamburg.',
          ],
        ]),
      },
      {
        filename: 'field-test-report.pdf',
        mimetype: PDF,
        bytes: samplePdf([
          [
            '[Demo] Field test report',
            'Relocatable high-energy cargo scanner tested at the port of Hamburg.',
            'Steel penetration measured at 310 mm; throughput 25 containers per hour.',
          ],
          ['Conclusions', 'The radiation safety perimeter was kept below 40 metres.'],
        ]),
      },
    ],
  },
  {
    author: 'it.expert',
    network: 'communication',
    language: 'en',
    data: {
      title: '[Demo] Lines to take: new import control system',
      library: 'communication',
      folder: 'Lines to take',
      doc_type: 'guidance',
      doc_date: '2026-05-02',
      summary: 'Agreed wording for questions from traders about the new import control system. Demo content.',
    },
    files: [
      {
        filename: 'lines-to-take.docx',
        mimetype: DOCX,
        bytes: sampleDocx([
          '[Demo] Lines to take on the import control system',
          'Traders file an entry summary declaration before loading.',
          'Questions about filing deadlines go to the national helpdesk.',
        ]),
      },
    ],
  },
  {
    author: 'it.expert',
    network: 'communication',
    language: 'fr',
    versionOf: 1,
    data: {
      title: '[Demo] Éléments de langage : nouveau système de contrôle des importations',
      library: 'communication',
      folder: 'Lines to take',
      doc_type: 'guidance',
      doc_date: '2026-05-02',
    },
    files: [
      {
        filename: 'elements-de-langage.odt',
        mimetype: ODT,
        bytes: sampleOdt([
          '[Demo] Éléments de langage sur le système de contrôle des importations',
          'Les opérateurs déposent une déclaration sommaire d’entrée avant le chargement.',
        ]),
      },
    ],
  },
  {
    author: 'secretariat',
    network: null,
    language: 'en',
    data: {
      title: '[Demo] Agenda of the Management Board',
      library: 'EUCAB-MB',
      folder: 'Meetings/2026',
      doc_type: 'agenda',
      doc_date: '2026-06-11',
    },
    files: [
      {
        filename: 'mb-agenda.pdf',
        mimetype: PDF,
        bytes: samplePdf([
          [
            '[Demo] Management Board - agenda',
            '1. Adoption of the agenda',
            '2. Work programme of the networks',
            '3. Budget planning and the secretariat report',
          ],
        ]),
      },
    ],
  },
];

/** What a few demo people show in the directory. */
const DIRECTORY = [
  {
    who: 'it.expert',
    jobTitle: 'Head of external communication',
    phone: '+39 06 5024 0000',
    languages: ['it', 'en', 'fr'],
    shown: ['job_title', 'phone', 'languages', 'email'],
  },
  {
    who: 'de.ncp',
    jobTitle: 'National contact point, Directorate-General of Customs',
    phone: '+49 228 000 0000',
    languages: ['de', 'en'],
    shown: ['job_title', 'email'],
  },
  {
    who: 'fr.expert',
    jobTitle: 'Training coordinator',
    phone: '+33 1 57 53 00 00',
    languages: ['fr', 'en', 'es'],
    shown: ['job_title', 'languages'],
  },
  {
    who: 'nl.expert',
    jobTitle: 'Risk management adviser',
    phone: '+31 88 151 00 00',
    languages: ['nl', 'en', 'de'],
    shown: ['job_title', 'phone'],
  },
];

/**
 * Demo documents (a network's field test report in two file versions, lines to take with their
 * French language version, a Management Board agenda) and directory entries. The files' text is
 * read as an upload's is, so the search finds the demo documents by their words.
 */
export async function seedDocumentsDemo(db: Database): Promise<number> {
  // One file after the other: each is read in its own worker thread.
  const texts: CheckedFile[][] = [];
  for (const d of DOCUMENTS) {
    const files: CheckedFile[] = [];
    for (const f of d.files) files.push({ ...f, extracted: await readFileText(f) });
    texts.push(files);
  }
  return db.transaction().execute(async (trx) => {
    const actor = async (who: string) => {
      const u = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', `${who}@${DEMO_DOMAIN}`)
        .executeTakeFirstOrThrow();
      return (await loadActor(trx, u.id, null)) as NonNullable<Awaited<ReturnType<typeof loadActor>>> & {
        userId: string;
        orgId: string;
      };
    };
    const ids: string[] = [];
    for (const [i, d] of DOCUMENTS.entries()) {
      const a = await actor(d.author);
      const network = d.network
        ? await trx
            .selectFrom('networks')
            .select('id')
            .where('code', '=', d.network)
            .executeTakeFirstOrThrow()
        : null;
      const rec = await createRecord(trx, a, documentKind, {
        data: { ...d.data, ...(d.versionOf !== undefined ? { language_version_of: ids[d.versionOf] } : {}) },
        language: d.language,
        publish: true,
        isDemo: true,
        marking: network
          ? { distribution: 'network', distributionNetworkId: network.id, tlp: 'green' }
          : { distribution: 'eucab', tlp: 'green' },
      });
      ids.push(rec.id);
      for (const f of texts[i]!)
        await storeAttachment(
          trx,
          a,
          documentKind,
          { id: rec.id, owner_org_id: a.orgId, language: d.language },
          f,
        );
    }
    for (const e of DIRECTORY) {
      const a = await actor(e.who);
      // every user has an (empty) entry from their creation on (migration 0054)
      const entry = {
        job_title: e.jobTitle,
        phone: e.phone,
        languages: e.languages,
        shown: [...e.shown].sort(),
        updated_at: new Date(),
      };
      await trx
        .insertInto('directory_entries')
        .values({ user_id: a.userId, ...entry })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(entry))
        .execute();
      await recordAudit(trx, a, {
        action: 'directory.entry_changed',
        recordKind: 'user',
        recordId: a.userId,
        changes: { demo: true },
      });
    }
    return ids.length;
  });
}
