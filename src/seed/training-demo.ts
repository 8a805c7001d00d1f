import type { Database } from '../db/connection.ts';
import { kindByName } from '../registry/kinds/index.ts';
import { createRecord } from '../registry/record-service.ts';
import { demoActor } from './demo-actor.ts';

const DAY = 86_400_000;
/** A day relative to today (UTC), as YYYY-MM-DD. */
const day = (offset: number, now: Date) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

/**
 * Demo training offers (marked as demo): three courses, three trainers (fictitious people, marked
 * so, with their consent recorded; one is the demo user be.expert, who sees their record and can
 * withdraw it), two facilities, and a specialised training event in two months with seat quotas
 * for Germany and France, whose registration opens with a seated German nominee, a German one on
 * the waiting list and a Polish one (no quota) waiting for the release of unused seats. Dates are
 * relative to the day the demo is loaded.
 */
export async function seedTrainingDemo(
  db: Database,
  now = new Date(),
): Promise<{ courses: number; trainers: number; facilities: number; events: number; nominations: number }> {
  return db.transaction().execute(async (trx) => {
    const nl = await demoActor(trx, 'nl.expert');
    const de = await demoActor(trx, 'de.expert');
    const add = async (who: typeof nl, kind: string, data: Record<string, unknown>) =>
      (
        await createRecord(trx, who, kindByName(kind)!, {
          publish: true,
          isDemo: true,
          marking: { distribution: 'eucab', tlp: 'green' },
          data,
        })
      ).id as string;
    const xray = await add(nl, 'training_course', {
      title: '[Demo] Container X-ray image analysis',
      competencies: ['nii_detection', 'risk_analysis'],
      level: 'advanced',
      learning_outcomes:
        'Participants read X-ray images of containers and vehicles, recognise concealments and decide on a physical examination.',
      duration_days: 3,
      languages: ['en', 'nl'],
      mode: 'classroom',
      max_participants: 12,
    });
    await add(de, 'training_course', {
      title: '[Demo] Origin of goods: preferential rules',
      competencies: ['origin', 'customs_procedures'],
      level: 'trained',
      learning_outcomes: 'Participants apply the preferential rules of origin and verify proofs of origin.',
      duration_days: 2,
      languages: ['de', 'en'],
      mode: 'blended',
      max_participants: 25,
    });
    await add(de, 'training_course', {
      title: '[Demo] Tariff classification for beginners',
      competencies: ['tariff_classification'],
      level: 'aware',
      learning_outcomes:
        'Participants find a heading in the Combined Nomenclature with the General Interpretative Rules.',
      duration_days: 1,
      languages: ['de', 'en', 'fr'],
      mode: 'e_learning',
      max_participants: 200,
    });
    const trainers = [
      await add(nl, 'trainer', {
        name: '[Demo] Bram Beeldanalist (fictitious person)',
        competencies: ['nii_detection'],
        languages: ['nl', 'en'],
        ttt_certified: true,
        availability: 'Q2 and Q4, up to 10 days per quarter.',
        consent_date: day(-90, now),
        person_user: (await demoActor(trx, 'be.expert')).userId,
      }),
      await add(nl, 'trainer', {
        name: '[Demo] Sanne Scanner (fictitious person)',
        competencies: ['nii_detection', 'risk_analysis'],
        languages: ['nl', 'en', 'de'],
        ttt_certified: false,
        availability: 'Any month except August.',
        consent_date: day(-60, now),
        open_consent: true,
      }),
      await add(de, 'trainer', {
        name: '[Demo] Ursula Ursprung (fictitious person)',
        competencies: ['origin'],
        languages: ['de', 'en'],
        ttt_certified: true,
        availability: 'Q1 and Q3.',
        consent_date: day(-30, now),
      }),
    ];
    const facility = await add(nl, 'training_facility', {
      name: '[Demo] Rotterdam port training centre',
      site: { label: 'Rotterdam, Maasvlakte', lat: 51.95, lon: 4.05 },
      capacity: 30,
      capabilities: ['xray_rig', 'container_yard', 'classroom'],
      languages: ['nl', 'en'],
    });
    await add(de, 'training_facility', {
      name: '[Demo] Detector dog school Neuendettelsau',
      site: { label: 'Neuendettelsau', lat: 49.28, lon: 10.79 },
      capacity: 16,
      capabilities: ['k9_school', 'classroom', 'accommodation'],
      languages: ['de'],
    });
    const org = async (code: string) =>
      (await trx.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow())
        .id;
    const event = await add(nl, 'training_event', {
      title: '[Demo] X-ray image analysis, Rotterdam',
      course: xray,
      starts_on: day(60, now),
      ends_on: day(62, now),
      place: 'Rotterdam',
      facility,
      trainers: trainers.slice(0, 2),
      seats_total: 8,
      release_date: day(30, now),
      quotas: [
        { organisation: await org('DE'), seats: 1 },
        { organisation: await org('FR'), seats: 2 },
      ],
    });
    // Registration as the NCPs would have made it: DE's quota of one seat taken, a second German
    // nominee and a Polish one (no quota) waiting for the release date.
    const deNcp = await demoActor(trx, 'de.ncp');
    const plNcp = await demoActor(trx, 'pl.ncp');
    const nominations = [
      { by: deNcp, name: '[Demo] Anna Adler (fictitious)', seated: true, minutesAgo: 300 },
      { by: deNcp, name: '[Demo] Bernd Berg (fictitious)', seated: false, minutesAgo: 200 },
      { by: plNcp, name: '[Demo] Dorota Dąb (fictitious)', seated: false, minutesAgo: 100 },
    ];
    for (const n of nominations) {
      const at = new Date(now.getTime() - n.minutesAgo * 60_000);
      await trx
        .insertInto('training_nominations')
        .values({
          event_id: event,
          organisation_id: n.by.orgId,
          nominee_name: n.name,
          nominated_by: n.by.userId,
          nominated_at: at,
          state: n.seated ? 'seated' : 'waiting',
          seat_source: n.seated ? 'quota' : null,
          seated_at: n.seated ? at : null,
        })
        .execute();
    }
    return {
      courses: 3,
      trainers: trainers.length,
      facilities: 2,
      events: 1,
      nominations: nominations.length,
    };
  });
}
