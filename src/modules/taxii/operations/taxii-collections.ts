import type { Distribution } from '../../../db/schema.ts';
import { uuidV5 } from '../../../engines/stix/index.ts';
import { TaxiiError } from './taxii-errors.ts';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/**
 * The collections: one per audience of risk information (by its distribution). Each holds only
 * what the caller may read — the same readable filter as every list — and never TLP:RED.
 */
export const AUDIENCES = [
  {
    key: 'administration',
    title: 'Risk information for my administration',
    description:
      'Risk information kept in an administration or sent to named administrations, that your key may read.',
    distributions: ['organisation', 'organisations'] as Distribution[],
  },
  {
    key: 'networks',
    title: 'Risk information in my networks and sharing groups',
    description: 'Risk information distributed to a network or a sharing group, that your key may read.',
    distributions: ['network', 'sharing_group'] as Distribution[],
  },
  {
    key: 'eucab',
    title: 'Risk information for all of EUCAB',
    description: 'Risk information distributed to every EUCAB user or the public.',
    distributions: ['eucab', 'public'] as Distribution[],
  },
] as const;

export type Audience = (typeof AUDIENCES)[number];

export const collectionId = (a: Audience) => uuidV5(`taxii/collection/${a.key}`);

export function collectionInfo(a: Audience) {
  return {
    id: collectionId(a),
    title: a.title,
    description: a.description,
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA_TYPE],
  };
}

export function audienceOf(id: string): Audience {
  const a = AUDIENCES.find((x) => collectionId(x) === id);
  if (!a) throw new TaxiiError(404, 'Collection not found', `No collection ${id} on this API root.`);
  return a;
}
