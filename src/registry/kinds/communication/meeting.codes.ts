import { defineCodeList } from '../../../contract/code-list-definition.ts';
import { EUCAB_BODIES } from './eucab-bodies.ts';

/**
 * The bodies of EUCAB that hold meetings: the Steering Committee, the Management Board, the units
 * and the seven networks (`meta.organisation`: the body's or unit's organisation code;
 * `meta.network`: the network's code).
 */
export const meetingBody = defineCodeList({
  name: 'meeting_body',
  label: { en: 'Meeting body', fr: 'Instance de réunion', de: 'Sitzungsgremium' },
  codes: EUCAB_BODIES.map((b) => ({
    code: b.key,
    labels: b.labels,
    meta: b.network ? { network: b.network } : { organisation: b.organisation },
  })),
});
