import type { FastifyInstance } from 'fastify';
import type { JobKind } from '../jobs/job-types.ts';
import type { OutboxHandler } from '../outbox/outbox-worker.ts';
import type { KindDefinition } from '../registry/definition.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import type { ScheduledTask } from '../scheduler/scheduled-task.ts';
import type { CalendarSource } from './calendar/calendar-item.ts';
import type { HomeTasks, HomeTiles } from './home/home-item.ts';
import type { MandatorySource } from './risk/mandatory-sources.ts';
import type { AuditSentence, NotificationSentence } from './sentence.ts';

/**
 * Registers a module's REST routes. `modules` is the list of every module (src/modules/index.ts),
 * for the routes that gather what all modules add (calendar, home, sentences).
 */
export type ModuleRoutes = (
  api: FastifyInstance,
  deps: AppDeps,
  modules: readonly ModuleManifest[],
) => Promise<void>;

/**
 * What a module adds to the platform, declared in one place (its `manifest.ts`) and registered
 * from the one list in src/modules/index.ts — never by the side effect of importing a file.
 */
export interface ModuleManifest {
  /** A short name (the module's folder). */
  name: string;
  /** REST routes, registered under /api/v1 in list order. */
  routes?: readonly ModuleRoutes[];
  /** Background job kinds: a process runs only the kinds the manifests list. */
  jobKinds?: readonly JobKind<never, unknown>[];
  /** Work after commit, by outbox topic (one handler per topic across all modules). */
  outboxHandlers?: Readonly<Record<string, OutboxHandler>>;
  /** Mandatory sources of risk scoring, by name (selected outside budget and exploration). */
  mandatorySources?: Readonly<Record<string, MandatorySource>>;
  /** Work run every few minutes or hours, once across processes (src/scheduler). */
  scheduledTasks?: readonly ScheduledTask[];
  /** The registry kinds the module serves (one module per kind). */
  registryKinds?: readonly KindDefinition[];
  /** Dated things the caller may read in a range of days (`GET /calendar`). */
  calendarItems?: CalendarSource;
  /** Figures for the caller's home page (`GET /home`). */
  homeTiles?: HomeTiles;
  /** What waits for the caller (`GET /home`). */
  homeTasks?: HomeTasks;
  /** How each audit action the module writes reads, by action. */
  auditSentences?: Readonly<Record<string, AuditSentence>>;
  /** How each notification kind the module writes reads, by kind. */
  notificationSentences?: Readonly<Record<string, NotificationSentence>>;
}

export function defineModule(m: ModuleManifest): ModuleManifest {
  if (!/^[a-z][a-z0-9-]*$/.test(m.name))
    throw new Error(`Module name ${m.name}: lower-case words joined by "-"`);
  return m;
}
