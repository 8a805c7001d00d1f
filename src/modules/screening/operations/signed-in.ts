import type { Actor } from '../../../access/actor.ts';

/** The caller of a screening operation that needs a signed-in user (routes pass `requireUser(req)`). */
export type SignedIn = Actor & { userId: string; orgId: string };

/** A file uploaded with a request (field "file"), read by the route. */
export interface Upload {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

/**
 * Reads the request's upload, named for messages (`what`: "party file", …). Operations call it
 * after the access check, so a caller who may not act is refused before the body is read.
 */
export type ReadUpload = (what: string) => Promise<Upload>;

/** A file to download: its name, content type and bytes. */
export interface Download {
  filename: string;
  contentType: string;
  body: string | Buffer;
}
