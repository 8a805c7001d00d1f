import type { FastifyInstance } from 'fastify';
import { registerJobKind } from '../jobs/job-registry.ts';
import type { OutboxWorker } from '../outbox/outbox-worker.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import type { ScheduledTask } from '../scheduler/scheduled-task.ts';
import { accountModule } from './account/manifest.ts';
import { announcementsModule } from './announcements/manifest.ts';
import { auditModule } from './audit/manifest.ts';
import { authModule } from './auth/manifest.ts';
import { calendarModule } from './calendar/manifest.ts';
import { directoryModule } from './directory/manifest.ts';
import { homeModule } from './home/manifest.ts';
import { innovationModule } from './innovation/manifest.ts';
import { integrityModule } from './integrity/manifest.ts';
import { jobsModule } from './jobs/manifest.ts';
import type { ModuleManifest } from './manifest.ts';
import { mappingModule } from './mapping/manifest.ts';
import { meetingsModule } from './meetings/manifest.ts';
import { messagesModule } from './messages/manifest.ts';
import { networksModule } from './networks/manifest.ts';
import { notificationsModule } from './notifications/manifest.ts';
import { organisationsModule } from './organisations/manifest.ts';
import { privacyModule } from './privacy/manifest.ts';
import { registryModule } from './registry/manifest.ts';
import { registerMandatorySource } from './risk/mandatory-sources.ts';
import { riskModule } from './risk/manifest.ts';
import { riskInformationModule } from './risk-information/manifest.ts';
import { riskSharingModule } from './risk-sharing/manifest.ts';
import { schedulerModule } from './scheduler/manifest.ts';
import { screeningModule } from './screening/manifest.ts';
import { stixModule } from './stix/manifest.ts';
import { thirdCountriesModule } from './third-countries/manifest.ts';
import { trainingModule } from './training/manifest.ts';
import { trainingProgrammeModule } from './training/programme-manifest.ts';
import { usersModule } from './users/manifest.ts';

/** Every module of the platform, in the order its routes are registered. Add a module here. */
export const MODULES: readonly ModuleManifest[] = [
  authModule,
  accountModule,
  organisationsModule,
  usersModule,
  networksModule,
  announcementsModule,
  notificationsModule,
  auditModule,
  jobsModule,
  registryModule,
  riskModule,
  riskSharingModule,
  screeningModule,
  schedulerModule,
  privacyModule,
  calendarModule,
  homeModule,
  mappingModule,
  directoryModule,
  meetingsModule,
  trainingProgrammeModule,
  messagesModule,
  integrityModule,
  trainingModule,
  innovationModule,
  thirdCountriesModule,
  riskInformationModule,
  stixModule,
];

/** The scheduled tasks of every module (the runtime's scheduler runs them). */
export function scheduledTasks(): ScheduledTask[] {
  return MODULES.flatMap((m) => m.scheduledTasks ?? []);
}

/** Registers every module's routes under /api/v1. */
export async function registerModules(api: FastifyInstance, deps: AppDeps) {
  for (const m of MODULES) for (const routes of m.routes ?? []) await routes(api, deps, MODULES);
}

/**
 * Registers what the modules add outside HTTP: job kinds, outbox handlers and mandatory sources
 * (the runtime calls it once, before it starts the queue and the outbox worker). A topic or a
 * source claimed by two modules is a bug and stops the start.
 */
export function registerModuleWork(outbox: OutboxWorker): void {
  const topics = new Map<string, string>();
  for (const m of MODULES) {
    for (const k of m.jobKinds ?? []) registerJobKind(k);
    for (const [topic, handler] of Object.entries(m.outboxHandlers ?? {})) {
      const other = topics.get(topic);
      if (other) throw new Error(`Outbox topic ${topic} is handled by both ${other} and ${m.name}.`);
      topics.set(topic, m.name);
      outbox.register(topic, handler);
    }
    for (const [name, source] of Object.entries(m.mandatorySources ?? {}))
      registerMandatorySource(name, source);
  }
}
