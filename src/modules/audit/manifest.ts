import { defineModule } from '../manifest.ts';
import { auditRoutes } from './audit-routes.ts';

/** The audit trail, read through the audit policy. */
export const auditModule = defineModule({ name: 'audit', routes: [auditRoutes] });
