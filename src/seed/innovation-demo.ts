import { replaceEditors } from '../access/co-editors.ts';
import type { Database } from '../db/connection.ts';
import { kindByName } from '../registry/kinds/index.ts';
import { createRecord } from '../registry/record-service.ts';
import { demoActor } from './demo-actor.ts';
import { DEMO_DOMAIN } from './demo-data.ts';
import { DEMO_INITIATIVES } from './innovation-demo-initiatives.ts';

const DAY = 86_400_000;
const day = (offset: number, now: Date) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

/**
 * The innovation area's demo data (marked demo): the 48 initiatives of
 * innovation-demo-initiatives.ts (22 administrations, seven languages), each published by its
 * administration's expert in its own language, and one common initiative led by France on AI for
 * container X-ray images, with Italy and Romania as participants (their experts co-edit it), the
 * three national initiatives, and milestones around `now`.
 */
export async function seedInnovationDemo(db: Database, now = new Date()) {
  const initiative = kindByName('innovation_initiative')!;
  const common = kindByName('common_initiative')!;
  return db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const d of DEMO_INITIATIVES) {
      const author = await demoActor(trx, `${d.country.toLowerCase()}.expert`);
      const r = await createRecord(trx, author, initiative, {
        publish: true,
        isDemo: true,
        notify: false,
        language: d.language,
        data: {
          title: `[Demo] ${d.title}`,
          summary: d.summary,
          ...(d.second ? { second_summary: d.second } : {}),
          domain: d.domain,
          trl: `trl_${d.trl}`,
          technologies: d.technologies,
          stage: d.stage,
          funding_source: d.funding,
        },
      });
      ids.set(d.key, r.id);
    }
    const lead = await demoActor(trx, 'fr.ncp');
    const c = await createRecord(trx, lead, common, {
      publish: true,
      isDemo: true,
      notify: false,
      language: 'fr',
      data: {
        title: '[Demo] IA pour les images radioscopiques des conteneurs',
        objective:
          'Partager un jeu d’images radioscopiques annotées de conteneurs et comparer les modèles de détection des cigarettes de contrebande.',
        domain: 'ai_image_recognition',
        participants: [
          { country: 'IT', role: 'partner' },
          { country: 'RO', role: 'pilot_site' },
        ],
        initiatives: ['fr-xray-cig', 'it-xray-cig', 'ro-xray-cig'].map((k) => ids.get(k)!),
        start_date: day(-120, now),
        end_date: day(600, now),
        milestones: [
          { title: 'Guide d’annotation commun', due_date: day(-30, now), status: 'reached' },
          { title: 'Premier jeu de 5 000 images partagé', due_date: day(45, now), status: 'in_progress' },
          { title: 'Comparaison des modèles', due_date: day(240, now), status: 'planned' },
        ],
      },
    });
    const participants = await trx
      .selectFrom('users')
      .select('id')
      .where('email', 'in', [`it.expert@${DEMO_DOMAIN}`, `ro.expert@${DEMO_DOMAIN}`])
      .execute();
    await replaceEditors(
      trx,
      common.name,
      c.id,
      lead.userId,
      participants.map((p) => p.id),
    );
    return { initiatives: ids.size, common: c.id };
  });
}
