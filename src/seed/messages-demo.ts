import type { Database } from '../db/connection.ts';
import { kindByName } from '../registry/kinds/index.ts';
import { createRecord } from '../registry/record-service.ts';
import { demoActor } from './demo-actor.ts';

const DAY = 86_400_000;
/** A moment relative to now, to the minute (UTC, ISO 8601). */
const moment = (now: Date, days: number) =>
  new Date(Math.floor((now.getTime() + days * DAY) / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');

/**
 * Demo coordinated messages (marked as demo): a public joint statement (TLP:CLEAR) released a week
 * ago in English, French and German — its French version translated in France, its German version
 * in Germany, each approved by a reviewer of another administration — which the public page and the
 * Atom feed show; and lines-to-take under embargo until next week, read only by their authors,
 * translator and reviewer, with a French version waiting for review.
 */
export async function seedMessagesDemo(
  db: Database,
  now = new Date(),
): Promise<{ messages: number; versions: number }> {
  return db.transaction().execute(async (trx) => {
    const user = (who: string) => demoActor(trx, who);
    const kind = kindByName('message')!;
    const [author, frExpert, beExpert, deAnalyst, atExpert] = await Promise.all([
      user('nl.ncp'),
      user('fr.expert'),
      user('be.expert'),
      user('de.analyst'),
      user('at.expert'),
    ]);
    const releasedAt = moment(now, -7);
    const statement = await createRecord(trx, author, kind, {
      publish: true,
      isDemo: true,
      notify: false,
      language: 'en',
      marking: { distribution: 'public', tlp: 'clear' },
      data: {
        type: 'joint_statement',
        title: '[Demo] Joint statement on the seizure of counterfeit medicines',
        body: 'The customs administrations of the European Union seized more than two million counterfeit medicines in a joint operation coordinated through EUCAB. They call on buyers to purchase medicines from authorised pharmacies only.',
        embargo_at: releasedAt,
        time_zone: 'Europe/Brussels',
      },
    });
    const version = (
      messageId: string,
      v: { language: string; title: string; body: string; translator: string; reviewer: string },
      state: 'approved' | 'submitted',
      published: string | null,
    ) => ({
      message_id: messageId,
      language: v.language,
      title: v.title,
      body: v.body,
      translator_id: v.translator,
      reviewer_id: v.reviewer,
      created_by: author.userId,
      state,
      approved_at: state === 'approved' ? moment(now, -8) : null,
      published_at: published,
    });
    await trx
      .insertInto('message_versions')
      .values([
        version(
          statement.id,
          {
            language: 'fr',
            title: '[Démo] Déclaration commune sur la saisie de médicaments falsifiés',
            body: 'Les administrations douanières de l’Union européenne ont saisi plus de deux millions de médicaments falsifiés lors d’une opération commune coordonnée par EUCAB. Elles invitent les acheteurs à se procurer leurs médicaments uniquement auprès de pharmacies autorisées.',
            translator: frExpert.userId,
            reviewer: beExpert.userId,
          },
          'approved',
          releasedAt,
        ),
        version(
          statement.id,
          {
            language: 'de',
            title: '[Demo] Gemeinsame Erklärung zur Beschlagnahme gefälschter Arzneimittel',
            body: 'Die Zollverwaltungen der Europäischen Union haben in einer über EUCAB koordinierten gemeinsamen Aktion mehr als zwei Millionen gefälschte Arzneimittel beschlagnahmt. Sie rufen dazu auf, Arzneimittel nur in zugelassenen Apotheken zu kaufen.',
            translator: deAnalyst.userId,
            reviewer: atExpert.userId,
          },
          'approved',
          releasedAt,
        ),
      ])
      .execute();
    await trx
      .insertInto('message_releases')
      .values({ message_id: statement.id, embargo_at: releasedAt, released_at: releasedAt, delay_seconds: 0 })
      .execute();
    const lines = await createRecord(trx, author, kind, {
      publish: true,
      isDemo: true,
      notify: false,
      language: 'en',
      marking: { distribution: 'eucab', tlp: 'green' },
      data: {
        type: 'lines_to_take',
        title: '[Demo] Lines to take on the new risk profiles for e-commerce parcels',
        body: 'The new common risk profiles help customs focus controls on the parcels most likely to breach the rules; they do not slow down legitimate trade.',
        embargo_at: moment(now, 7),
        time_zone: 'Europe/Amsterdam',
      },
    });
    await trx
      .insertInto('message_versions')
      .values(
        version(
          lines.id,
          {
            language: 'fr',
            title:
              '[Démo] Éléments de langage sur les nouveaux profils de risque des colis du commerce en ligne',
            body: 'Les nouveaux profils de risque communs aident les douanes à concentrer les contrôles sur les colis les plus susceptibles d’enfreindre les règles ; ils ne ralentissent pas le commerce légitime.',
            translator: frExpert.userId,
            reviewer: beExpert.userId,
          },
          'submitted',
          null,
        ),
      )
      .execute();
    return { messages: 2, versions: 3 };
  });
}
