import { describe, expect, it } from 'vitest';
import { registeredJobKinds } from '../jobs/job-registry.ts';
import type { OutboxHandler, OutboxWorker } from '../outbox/outbox-worker.ts';
import { MODULES, registerModuleWork, scheduledTasks } from './index.ts';
import { mandatorySourceNames } from './risk/mandatory-sources.ts';

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
      ['job.finished', 'membership.changed', 'registry.changed', 'registry.commented'].sort(),
    );
    expect(mandatorySourceNames()).toEqual(['sanctions-screening']);
    expect(scheduledTasks().map((t) => t.name)).toEqual(['auth.purge-expired']);
    expect(new Set(MODULES.map((m) => m.name)).size).toBe(MODULES.length);
  });
});
