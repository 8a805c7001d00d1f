import { defineModule } from '../manifest.ts';
import { identityProviderRoutes } from './identity-provider-routes.ts';
import { organisationRoutes } from './organisation-routes.ts';
import { ORGANISATIONS_AUDIT_SENTENCES } from './sentences.ts';
import { sharingGroupRoutes } from './sharing-group-routes.ts';

/** Organisations, sharing groups and the identity providers bound to them. */
export const organisationsModule = defineModule({
  name: 'organisations',
  routes: [organisationRoutes, sharingGroupRoutes, identityProviderRoutes],
  auditSentences: ORGANISATIONS_AUDIT_SENTENCES,
});
