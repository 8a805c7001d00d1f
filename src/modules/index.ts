import type { FastifyInstance } from 'fastify';
import { jobRoutes } from '../jobs/job-routes.ts';
import { codeListRoutes } from '../registry/code-list-routes.ts';
import { complianceRoutes } from '../registry/compliance-routes.ts';
import { tenderOcdsRoutes } from '../registry/kinds/procurement/tender-ocds-routes.ts';
import { registryExtraRoutes } from '../registry/registry-extra-routes.ts';
import { registryRoutes } from '../registry/registry-routes.ts';
import { savedFilterRoutes } from '../registry/saved-filter-routes.ts';
import { searchRoutes } from '../registry/search-routes.ts';
import type { AppDeps } from '../server/deps.ts';
import { accountRoutes } from './account/account-routes.ts';
import { announcementRoutes } from './announcements/announcement-routes.ts';
import { auditRoutes } from './audit/audit-routes.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { oidcRoutes } from './auth/oidc-routes.ts';
import { networkRoutes } from './networks/network-routes.ts';
import { notificationRoutes } from './notifications/notification-routes.ts';
import { identityProviderRoutes } from './organisations/identity-provider-routes.ts';
import { organisationRoutes } from './organisations/organisation-routes.ts';
import { riskRoutes } from './risk/risk-routes.ts';
import { screeningRoutes } from './screening/screening-routes.ts';
import { userRoutes } from './users/user-routes.ts';

/** Every domain module registers its routes under /api/v1 here. */
export async function registerModules(api: FastifyInstance, deps: AppDeps) {
  await authRoutes(api, deps);
  await oidcRoutes(api, deps);
  await accountRoutes(api, deps);
  await organisationRoutes(api, deps);
  await identityProviderRoutes(api, deps);
  await userRoutes(api, deps);
  await networkRoutes(api, deps);
  await announcementRoutes(api, deps);
  await notificationRoutes(api, deps);
  await auditRoutes(api, deps);
  await jobRoutes(api, deps);
  await tenderOcdsRoutes(api, deps);
  await registryExtraRoutes(api, deps);
  await savedFilterRoutes(api, deps);
  await complianceRoutes(api, deps);
  await registryRoutes(api, deps);
  await codeListRoutes(api, deps);
  await searchRoutes(api, deps);
  await riskRoutes(api, deps);
  await screeningRoutes(api, deps);
}
