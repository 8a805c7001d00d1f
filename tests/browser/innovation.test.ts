import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInnovationDemo } from '../../src/seed/innovation-demo.ts';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

/**
 * The innovation area as people use it (issue 15, Done when): an initiative registered in German →
 * "who else works on this" finds a similar French initiative of another administration that
 * shares no English title → a common initiative is formed → a join request is approved by the
 * lead → the participant adds a milestone. Axe clean, in English, French and German.
 */
let env: BrowserEnv;
const GERMAN = 'KI-gestützte Erkennung von Zigaretten in Röntgenbildern von Seecontainern';
const FRENCH = '[Demo] Détection automatique de cigarettes dans les images radioscopiques des conteneurs';
const COMMON = 'Gemeinsame KI-Auswertung von Containerröntgenbildern';

beforeAll(async () => {
  env = await startEnv();
  await seedInnovationDemo(env.t.rt.db);
}, 300_000);
afterAll(async () => {
  await env?.close();
});

describe('innovation', () => {
  it('German initiative → similar French one → common initiative → join request approved → milestone added', async () => {
    // 1. A German expert registers an initiative (in German).
    const de = await env.page();
    await signIn(de, env.t, 'de.expert@demo.eucab.eu');
    await de.goto('/registry/innovation_initiative/new');
    await de.getByLabel(/^Title/).fill(GERMAN);
    await de
      .getByLabel(/^Summary/)
      .fill(
        'Ein neuronales Netz markiert in Röntgenbildern von Seecontainern Bereiche mit versteckten Zigaretten.',
      );
    await de.getByLabel(/^Domain/).selectOption({ label: 'AI-based image recognition' });
    await de
      .getByLabel(/^Technology readiness level/)
      .selectOption({ label: 'TRL 5 – technology validated in relevant environment' });
    await de
      .getByLabel(/^Status/)
      .first()
      .selectOption({ label: 'Ongoing' });
    await de.getByRole('button', { name: 'Save and publish' }).click();
    await de.getByRole('heading', { name: GERMAN, level: 1 }).waitFor();

    // 2. Who else works on this: the French initiative, no English title shared.
    await de.goto('/innovation');
    await de
      .getByRole('heading', { name: 'Innovation: initiatives and common initiatives', level: 1 })
      .waitFor();
    await de.getByLabel('Initiative', { exact: true }).selectOption({ label: `${GERMAN} (DE)` });
    await de.getByRole('button', { name: 'Find similar initiatives' }).click();
    const french = de.getByRole('link', { name: FRENCH });
    await french.waitFor();
    const item = de.getByRole('listitem').filter({ has: french });
    await item.getByText('same domain: AI-based image recognition').waitFor();
    await item.getByText(/^both about: .*X-ray/).waitFor();
    await expectAccessible(de, 'innovation-similar');

    // 3. A common initiative is formed (Germany leads).
    await de.getByRole('link', { name: 'Form a common initiative' }).click();
    await de
      .getByLabel(/^Title/)
      .first()
      .fill(COMMON);
    await de
      .getByLabel(/^Objective/)
      .fill('Annotierte Röntgenbilder teilen und die Erkennungsmodelle vergleichen.');
    await de.getByLabel(/^Domain/).selectOption({ label: 'AI-based image recognition' });
    await de.getByRole('button', { name: 'Save and publish' }).click();
    await de.getByRole('heading', { name: COMMON, level: 1 }).waitFor();
    const commonId = new URL(de.url()).pathname.split('/').at(-1)!;

    // 4. The French expert asks to join; the German lead (its author) approves.
    const fr = await env.page();
    await signIn(fr, env.t, 'fr.expert@demo.eucab.eu');
    await fr.goto('/innovation');
    await fr.getByText(`Join requests: ${COMMON}`).click();
    await fr.getByLabel('Role of your administration').selectOption({ label: 'Pilot site' });
    await fr.getByRole('button', { name: 'Ask to join' }).click();
    await fr.getByText('Your request was sent; the lead administration decides.').waitFor();
    await expectAccessible(fr, 'innovation-join-request');

    await de.goto('/innovation');
    await de.getByText(`Join requests: ${COMMON}`).click();
    await de.getByRole('button', { name: 'Approve' }).click();
    await de.getByText(/— approved/).waitFor();
    expect(
      (
        await env.t.rt.db
          .selectFrom('record_editors')
          .select('record_id')
          .where('record_id', '=', commonId)
          .execute()
      ).length,
    ).toBe(1);

    // 5. The participant adds a milestone.
    await fr.goto(`/registry/common_initiative/${commonId}/edit`);
    await fr.getByRole('button', { name: 'Add: Milestone' }).click();
    await fr.getByLabel(/^What is reached/).fill('Premier jeu de 5 000 images partagé');
    await fr.getByLabel(/^Due date/).fill('2027-06-30');
    await fr
      .getByLabel(/^Status/)
      .last()
      .selectOption({ label: 'In progress' });
    await fr.getByRole('button', { name: 'Save changes' }).click();
    await fr.getByRole('heading', { name: COMMON, level: 1 }).waitFor();
    await fr.getByText('Premier jeu de 5 000 images partagé').first().waitFor();

    // 6. The area page in French and German.
    await de.goto('/innovation');
    await de.getByLabel('Language').selectOption('fr');
    await de
      .getByRole('heading', { name: 'Innovation : initiatives et initiatives communes', level: 1 })
      .waitFor();
    await expectAccessible(de, 'innovation-fr');
    await de.getByLabel('Langue').selectOption('de');
    await de
      .getByRole('heading', { name: 'Innovation: Initiativen und gemeinsame Initiativen', level: 1 })
      .waitFor();
    await expectAccessible(de, 'innovation-de');
    await de.getByLabel('Sprache').selectOption('en');
  });
});
