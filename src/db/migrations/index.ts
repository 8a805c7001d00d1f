import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_registry.ts';
import * as m0003 from './0003_registry_indexes.ts';
import * as m0004 from './0004_import_heartbeat.ts';
import * as m0005 from './0005_registry_live_index.ts';
import * as m0006 from './0006_totp_last_step.ts';
import * as m0007 from './0007_jobs.ts';
import * as m0008 from './0008_risk.ts';
import * as m0009 from './0009_risk_kind_indexes.ts';
import * as m0010 from './0010_screening.ts';
import * as m0011 from './0011_saved_filters.ts';
import * as m0012 from './0012_mfa_attempts.ts';
import * as m0013 from './0013_login_throttle.ts';
import * as m0014 from './0014_owner_bound_country.ts';
import * as m0015 from './0015_scheduled_tasks.ts';
import * as m0019 from './0019_notification_digest.ts';
import * as m0020 from './0020_announcements_to_registry.ts';

/** Committed migrations, applied in name order at start (never auto-synced from code). */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_registry': m0002,
  '0003_registry_indexes': m0003,
  '0004_import_heartbeat': m0004,
  '0005_registry_live_index': m0005,
  '0006_totp_last_step': m0006,
  '0007_jobs': m0007,
  '0008_risk': m0008,
  '0009_risk_kind_indexes': m0009,
  '0010_screening': m0010,
  '0011_saved_filters': m0011,
  '0012_mfa_attempts': m0012,
  '0013_login_throttle': m0013,
  '0014_owner_bound_country': m0014,
  '0015_scheduled_tasks': m0015,
  '0019_notification_digest': m0019,
  '0020_announcements_to_registry': m0020,
};
