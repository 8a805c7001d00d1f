import { describe, expect, it } from 'vitest';
import { registeredJobKinds } from '../jobs/job-registry.ts';
import type { OutboxHandler, OutboxWorker } from '../outbox/outbox-worker.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { MODULES, registerModuleWork, scheduledTasks } from './index.ts';
import { mandatorySourceNames } from './risk/mandatory-sources.ts';
import { sentenceTables } from './sentences.ts';

const withEntry = (entry: keyof (typeof MODULES)[number]) =>
  MODULES.filter((m) => m[entry] !== undefined).map((m) => m.name);

/** Modules are registered from their manifests, by the one list — never by importing a file. */
describe('module manifests', () => {
  it('importing every module registers nothing by itself', () => {
    expect(MODULES.length).toBeGreaterThan(10);
    expect(registeredJobKinds()).toEqual([]);
    expect(mandatorySourceNames()).toEqual([]);
  });

  it('the runtime registers every job kind, outbox handler and mandatory source the manifests declare', () => {
    const topics = new Map<string, OutboxHandler>();
    const outbox = {
      register: (t: string, h: OutboxHandler) => void topics.set(t, h),
    } as unknown as OutboxWorker;
    registerModuleWork(outbox);
    const declaredKinds = MODULES.flatMap((m) => (m.jobKinds ?? []).map((k) => k.kind));
    expect(new Set(declaredKinds).size).toBe(declaredKinds.length);
    expect(registeredJobKinds().sort()).toEqual([...declaredKinds].sort());
    expect(declaredKinds).toEqual(
      expect.arrayContaining(['registry.import', 'users.import', 'risk.train', 'screening.batch']),
    );
    expect([...topics.keys()].sort()).toEqual(
      [
        'job.finished',
        'mapping.assigned',
        'mapping.campaign_opened',
        'mapping.response_reopened',
        'membership.changed',
        'registry.changed',
        'registry.commented',
      ].sort(),
    );
    expect(mandatorySourceNames()).toEqual(['sanctions-screening']);
    expect(
      scheduledTasks()
        .map((t) => t.name)
        .sort(),
    ).toEqual(
      [
        'auth.purge-expired',
        'notifications.digest',
        'privacy.retention',
        'mapping.reminders',
        'meetings.action-point-reminders',
        'messages.release',
      ].sort(),
    );
    expect(new Set(MODULES.map((m) => m.name)).size).toBe(MODULES.length);
  });

  it('declares each registry kind in one module: the registry serves KINDS', () => {
    const declared = MODULES.flatMap((m) => (m.registryKinds ?? []).map((k) => `${m.name}:${k.name}`));
    expect(declared.sort()).toEqual(KINDS.map((k) => `registry:${k.name}`).sort());
  });

  it('gathers calendar items, home tiles and tasks, and sentences from the modules that have them', () => {
    expect(MODULES.map((m) => m.name)).toEqual(expect.arrayContaining(['calendar', 'home']));
    expect(withEntry('calendarItems')).toEqual(['registry', 'screening', 'scheduler', 'meetings']);
    expect(withEntry('homeTiles')).toEqual(['announcements', 'registry', 'integrity']);
    expect(withEntry('homeTasks')).toEqual([
      'networks',
      'jobs',
      'registry',
      'screening',
      'scheduler',
      'meetings',
    ]);
    expect(withEntry('notificationSentences')).toEqual([
      'notifications',
      'jobs',
      'registry',
      'mapping',
      'meetings',
      'messages',
    ]);
    // Every module that writes audit events says how they read (src/modules/sentences.test.ts
    // checks each action the code writes); no action has two sentences.
    expect(withEntry('auditSentences')).toEqual([
      'auth',
      'account',
      'organisations',
      'users',
      'networks',
      'notifications',
      'jobs',
      'registry',
      'risk',
      'screening',
      'privacy',
      'mapping',
      'directory',
      'meetings',
      'messages',
      'risk-information',
    ]);
    expect(() => sentenceTables(MODULES)).not.toThrow();
    expect(sentenceTables(MODULES).audit.size).toBeGreaterThan(100);
  });
});
