import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionPointReminders } from '../../../modules/meetings/action-point-reminders.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.ts';

/**
 * Lessons learned from real events and their follow-up actions: action points that name the
 * lesson instead of a meeting, reminded by the same task as a meeting's. The rest (access matrix,
 * write matrix, import, search) comes from the definition.
 */
const URL = '/api/v1/registry/lesson_learned';
const ACTIONS = '/api/v1/registry/action_point';
let t: TestApp;
let de: TestClient; // expert in the integrity network
let bg: TestClient; // expert in the integrity network
let nl: TestClient; // not in the integrity network
let integrityNetworkId: string;

const lesson = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  event_type: 'cyber_incident',
  event_date: '2025-06-12',
  what_happened: 'The declaration system was unavailable for 30 hours after a ransomware attack.',
  what_worked: 'The paper fallback procedure agreed with the traders’ associations.',
  what_did_not: 'Guarantees could not be checked at the border offices.',
  recommendation: 'Keep an offline copy of the guarantee register at every border office.',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.expert@demo.eucab.eu');
  bg = await t.as('bg.expert@demo.eucab.eu');
  nl = await t.as('nl.expert@demo.eucab.eu');
  integrityNetworkId = (
    await t.rt.db
      .selectFrom('networks')
      .select('id')
      .where('code', '=', 'resilience-integrity')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => t?.close());

describe('lessons learned', () => {
  it('are kept in the integrity network at TLP:AMBER; others get 404; bad input is 400 with nothing written', async () => {
    const missing = await de.post(URL, {
      data: lesson('Outage', { recommendation: undefined }),
      publish: true,
    });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().errors)).toMatch(/data\.recommendation/);
    const badType = await de.post(URL, { data: lesson('Outage', { event_type: 'rumour' }), publish: true });
    expect(badType.statusCode).toBe(400);

    const created = await de.post(URL, { data: lesson('Ransomware outage'), publish: true });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const record = (await bg.get(`${URL}/${id}`)).json();
    expect(record).toMatchObject({ status: 'published', distribution: 'network', tlp: 'amber' });
    expect(record.data.country).toBe('DE');
    expect((await nl.get(`${URL}/${id}`)).statusCode).toBe(404);
    expect(((await nl.get(URL)).json().items as unknown[]).length).toBe(0);
    expect(((await bg.get(`${URL}?event_type=cyber_incident`)).json().items as unknown[]).length).toBe(1);
  });

  it('the form warns against naming individual officers, in English, French and German', async () => {
    const kinds = (await de.get('/api/v1/registry')).json().kinds as {
      name: string;
      formHint?: Record<string, string>;
      codeLists: string[];
    }[];
    const kind = kinds.find((k) => k.name === 'lesson_learned')!;
    expect(kind.formHint?.en).toMatch(/never individual officers/);
    expect(kind.formHint?.fr).toMatch(/jamais des agents/);
    expect(kind.formHint?.de).toMatch(/nie einzelne Bedienstete/);
    const types = (await de.get('/api/v1/code-lists/lesson_event_type')).json().codes as { code: string }[];
    expect(types.map((c) => c.code).sort()).toEqual(
      [
        'pandemic',
        'sanctions_enforcement',
        'migration_pressure',
        'cyber_incident',
        'natural_disaster',
        'armed_conflict',
        'major_seizure',
        'other',
      ].sort(),
    );
  });

  it('follow-up actions are action points naming the lesson; the owner is reminded when due and when overdue', async () => {
    const id = (await de.post(URL, { data: lesson('Flood at the border office'), publish: true })).json()
      .id as string;
    const owner = await t.userId('bg.expert@demo.eucab.eu');
    const marking = { distribution: 'network', distributionNetworkId: integrityNetworkId, tlp: 'amber' };
    const action = (what: string, due: string, extra: Record<string, unknown> = {}) => ({
      data: { lesson: id, what, responsible: owner, due_date: due, state: 'open', ...extra },
      marking,
      publish: true,
    });
    // Neither a meeting nor a lesson: refused, saying which.
    const neither = await de.post(ACTIONS, {
      ...action('Orphan', '2031-05-01'),
      data: { what: 'Orphan', responsible: owner, due_date: '2031-05-01', state: 'open' },
    });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors).toContainEqual({
      field: 'data.meeting',
      message: 'Meeting: required when no lesson learned is given',
    });
    const first = await de.post(ACTIONS, action('Move the server room above flood level', '2031-05-01'));
    expect(first.statusCode, first.body).toBe(201);
    const second = await de.post(ACTIONS, action('Sandbag stock at every office', '2031-09-01'));
    expect(second.statusCode, second.body).toBe(201);
    const listed = (await bg.get(`${ACTIONS}?lesson=${id}`)).json().items as { id: string }[];
    expect(listed.map((r) => r.id).sort()).toEqual([first.json().id, second.json().id].sort());
    expect(((await nl.get(`${ACTIONS}?lesson=${id}`)).json().items as unknown[]).length).toBe(0);

    const run = (at: string) =>
      actionPointReminders.run({ db: t.rt.db, now: new Date(at), config: t.rt.config, mailer: t.rt.mailer });
    const notes = async (recordId: string) =>
      (
        await t.rt.db
          .selectFrom('notifications')
          .select(['kind', 'user_id'])
          .where('record_id', '=', recordId)
          .orderBy('created_at')
          .execute()
      ).filter((n) => n.kind === 'action_point.due' || n.kind === 'action_point.overdue');
    await run('2031-05-01T08:00:00Z');
    await run('2031-05-03T08:00:00Z');
    await run('2031-05-04T08:00:00Z');
    expect(await notes(first.json().id)).toEqual([
      { kind: 'action_point.due', user_id: owner },
      { kind: 'action_point.overdue', user_id: owner },
    ]);
    expect(await notes(second.json().id)).toEqual([]);
  });
});
