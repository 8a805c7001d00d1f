import type { Actor } from '../../../access/actor.ts';
import { csvWithMarking, neutraliseCell } from '../../../core/export-safety.ts';
import type { Database } from '../../../db/connection.ts';
import { type DirectoryFilters, directoryRows } from './list-directory.ts';

const MARKING =
  'EUCAB directory: for the members of the EUCAB Cooperation Platform only; each person chose the contact details shown. Do not pass it on outside EUCAB.';

/** The directory as CSV, with the same filters and the same shown details as the page. */
export async function exportDirectory(db: Database, a: Actor, f: DirectoryFilters): Promise<string> {
  const people = await directoryRows(db, a, f);
  const header = [
    'name',
    'organisation',
    'organisation_name',
    'roles',
    'networks',
    'email',
    'phone',
    'job_title',
    'languages',
  ];
  const rows = people.map((p) =>
    [
      p.name,
      p.organisation.code,
      p.organisation.name,
      p.orgRoles.join(' '),
      p.networks.map((n) => `${n.code}:${n.role}`).join(' '),
      p.email ?? '',
      p.phone ?? '',
      p.jobTitle ?? '',
      (p.languages ?? []).join(' '),
    ].map(neutraliseCell),
  );
  return csvWithMarking(MARKING, header, rows);
}
