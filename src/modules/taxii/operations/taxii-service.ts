import type { Actor } from '../../../access/actor.ts';
import type { Database } from '../../../db/connection.ts';
import { AUDIENCES, audienceOf, collectionInfo, TAXII_MEDIA_TYPE } from './taxii-collections.ts';
import { TaxiiError } from './taxii-errors.ts';
import { collectionPage, envelope, manifest, type TaxiiPage, type TaxiiQuery } from './taxii-objects.ts';

/** The TAXII 2.1 server's answers (the routes in ../taxii-routes.ts shape the HTTP replies). */
export const discovery = (base: string) => ({
  title: 'EUCAB Cooperation Platform',
  description:
    'Risk information of the EUCAB Cooperation Platform as STIX 2.1, read-only; each API key sees what its user may read, never TLP:RED.',
  default: `${base}/taxii2/api/`,
  api_roots: [`${base}/taxii2/api/`],
});

export const apiRoot = () => ({
  title: 'Risk information',
  description: 'Collections of risk information by audience.',
  versions: [TAXII_MEDIA_TYPE],
  max_content_length: 10_485_760,
});

export const collections = () => ({ collections: AUDIENCES.map(collectionInfo) });
export const collection = (id: string) => collectionInfo(audienceOf(id));

export async function objects(db: Database, a: Actor, id: string, q: TaxiiQuery, objectId?: string) {
  const page = await collectionPage(db, a, audienceOf(id), q, objectId);
  if (objectId && page.items.length === 0)
    throw new TaxiiError(
      404,
      'Object not found',
      `No object ${objectId} in this collection that your key may read.`,
    );
  return { page, body: envelope(page) };
}

export async function objectManifest(db: Database, a: Actor, id: string, q: TaxiiQuery) {
  const page = await collectionPage(db, a, audienceOf(id), q);
  return { page, body: manifest(page) };
}

/** The versions of an object (the platform serves the current version of each object). */
export async function versions(db: Database, a: Actor, id: string, objectId: string, q: TaxiiQuery) {
  const page: TaxiiPage = await collectionPage(
    db,
    a,
    audienceOf(id),
    { ...q, 'match[version]': 'all' },
    objectId,
  );
  if (page.items.length === 0)
    throw new TaxiiError(
      404,
      'Object not found',
      `No object ${objectId} in this collection that your key may read.`,
    );
  return {
    page,
    body: { more: false, versions: page.items.map((d) => String(d.object.modified ?? d.object.created)) },
  };
}
