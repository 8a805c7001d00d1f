import { z } from 'zod';
import { EU_LANGUAGES } from './languages.ts';

/**
 * The directory ("who is who"): the contact details a person may show to the signed-in members of
 * the platform. Name, organisation and roles are always listed; each of these is shown only when
 * the person chose to (their e-mail is hidden until they show it).
 */
export const DIRECTORY_DETAILS = ['email', 'phone', 'job_title', 'languages'] as const;
export type DirectoryDetail = (typeof DIRECTORY_DETAILS)[number];

/** My entry as I edit it: the values and which of them are shown. */
export const directoryEntryBody = z.strictObject({
  jobTitle: z.string().trim().max(200).default(''),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()./-]*$/, 'A phone number holds digits, spaces and + ( ) . / - only.')
    .default(''),
  languages: z.array(z.enum(EU_LANGUAGES)).max(24).default([]),
  shown: z.array(z.enum(DIRECTORY_DETAILS)).max(DIRECTORY_DETAILS.length).default([]),
});
export type DirectoryEntryBody = z.infer<typeof directoryEntryBody>;

/** The directory's roles filter: an organisation role or a network role. */
export const DIRECTORY_ROLES = ['ncp', 'ncp_deputy', 'coordinator', 'expert', 'observer'] as const;

/** One person as the directory lists them (details only where shown). */
export interface DirectoryPerson {
  userId: string;
  name: string;
  organisation: { code: string; name: string; type: string };
  orgRoles: string[];
  networks: { code: string; name: string; role: string }[];
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  languages: string[] | null;
}
