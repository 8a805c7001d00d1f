import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelIn } from '../../src/contract/languages.ts';
import { KINDS } from '../../src/registry/kinds/index.ts';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

/**
 * Every registry kind, whichever it is, reaches the web app from its definition alone: on the
 * registry home, as a list and as a form, in the user's language (French here), accessible. A new
 * kind is checked here without a line of test code.
 */
let env: BrowserEnv;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('every registry kind in the web app', () => {
  it('is on the registry home with its description, and has a list and a form in French', async () => {
    const page = await env.page();
    // A writer of the risk-management network: may add every kind, those only some may add too.
    await signIn(page, env.t, 'nl.expert@demo.eucab.eu');
    await page.getByLabel('Language').selectOption('fr');
    await page.goto('/registry');
    for (const kind of KINDS) {
      const card = page.locator('.kind-card').filter({ hasText: labelIn(kind.labelPlural, 'fr') });
      await card.getByText(labelIn(kind.description, 'fr')).waitFor();
    }
    await expectAccessible(page, 'registry-home-fr');

    for (const kind of KINDS) {
      await page.goto(`/registry/${kind.name}`);
      await page.getByRole('heading', { name: labelIn(kind.labelPlural, 'fr'), level: 1 }).waitFor();
      await page.goto(`/registry/${kind.name}/new`);
      const title = `Nouveau : ${labelIn(kind.label, 'fr')}`;
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      const form = (await page.locator('main form').first().textContent()) ?? '';
      const missing = Object.entries(kind.fields)
        .filter(([, f]) => !f.setBy)
        .map(([, f]) => labelIn(f.label, 'fr'))
        .filter((label) => !form.includes(label));
      expect(missing, kind.name).toEqual([]);
      await expectAccessible(page, `registry-form-${kind.name}-fr`);
    }
  });
});
