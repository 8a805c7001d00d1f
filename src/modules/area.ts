import type { KindDefinition } from '../registry/definition.ts';

/**
 * The areas of the platform: those of the expert networks' records (a registry kind's `area`) and
 * `platform` for what belongs to none (memberships, jobs, scheduled tasks). The home page and the
 * calendar group by it; the web names them with `registry.areas.<area>` (and `home.areaPlatform`).
 */
export type Area = KindDefinition['area'] | 'platform';
