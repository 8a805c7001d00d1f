import type { FastifyInstance } from 'fastify';
import type { JobKind } from '../jobs/job-types.ts';
import type { OutboxHandler } from '../outbox/outbox-worker.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import type { ScheduledTask } from '../scheduler/scheduled-task.ts';
import type { MandatorySource } from './risk/mandatory-sources.ts';

/**
 * What a module adds to the platform, declared in one place (its `manifest.ts`) and registered
 * from the one list in src/modules/index.ts — never by the side effect of importing a file.
 */
export interface ModuleManifest {
  /** A short name (the module's folder). */
  name: string;
  /** REST routes, registered under /api/v1 in list order. */
  routes?: readonly ((api: FastifyInstance, deps: AppDeps) => Promise<void>)[];
  /** Background job kinds: a process runs only the kinds the manifests list. */
  jobKinds?: readonly JobKind<never, unknown>[];
  /** Work after commit, by outbox topic (one handler per topic across all modules). */
  outboxHandlers?: Readonly<Record<string, OutboxHandler>>;
  /** Mandatory sources of risk scoring, by name (selected outside budget and exploration). */
  mandatorySources?: Readonly<Record<string, MandatorySource>>;
  /** Work run every few minutes or hours, once across processes (src/scheduler). */
  scheduledTasks?: readonly ScheduledTask[];
}

export function defineModule(m: ModuleManifest): ModuleManifest {
  if (!/^[a-z][a-z0-9-]*$/.test(m.name))
    throw new Error(`Module name ${m.name}: lower-case words joined by "-"`);
  return m;
}
