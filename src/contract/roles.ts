import { z } from 'zod';

/** The roles a user holds in their organisation (granted by administrators and NCPs). */
export const ORG_ROLES = [
  'platform_admin',
  'ncp',
  'ncp_deputy',
  'risk_analyst',
  'screening_reviewer',
] as const;
export const orgRoleSchema = z.enum(ORG_ROLES);
export type OrgRole = z.infer<typeof orgRoleSchema>;

/** A member's role in an expert network. */
export const NETWORK_ROLES = ['coordinator', 'expert', 'observer'] as const;
export const networkRoleSchema = z.enum(NETWORK_ROLES);
export type NetworkRole = z.infer<typeof networkRoleSchema>;

/** Where a network membership stands: asked, endorsed by the NCP, approved by the coordinator, … */
export const MEMBERSHIP_STATUSES = ['requested', 'endorsed', 'active', 'rejected', 'withdrawn'] as const;
export const membershipStatusSchema = z.enum(MEMBERSHIP_STATUSES);
export type MembershipStatus = z.infer<typeof membershipStatusSchema>;
