import type { FastifyRequest } from 'fastify';
import { badRequest, HttpError } from './errors.ts';

/**
 * Refuses a text part of a multipart request (a field's value or a file's name) that holds a NUL
 * character (U+0000), as the input guards refuse it in JSON bodies and query strings: PostgreSQL
 * cannot store it, and no field of the platform has a use for it. Multipart bodies are parsed by
 * the route (streamed), after the guards of input-guards.ts ran, so the readers call this.
 */
export function refuseNulInPart(value: string, label: string, field: string): void {
  if (!value.includes('\u0000')) return;
  throw badRequest(
    `The ${label} contains a NUL character (U+0000), which is not accepted anywhere: remove it and send the request again.`,
    [{ field, message: 'contains a NUL character (U+0000)' }],
  );
}

/** Reads the single uploaded file of a multipart request (field "file"), within the size limit. */
export async function readUpload(
  req: FastifyRequest,
  what: string,
): Promise<{ filename: string; mimetype: string; bytes: Buffer }> {
  if (!req.isMultipart()) {
    throw new HttpError(
      415,
      'Unsupported media type',
      `Upload the ${what} as multipart/form-data in a field named "file".`,
    );
  }
  const file = await req.file();
  if (!file) throw badRequest(`No file: send the ${what} in a field named "file".`);
  refuseNulInPart(file.filename, 'name of the uploaded file', 'file');
  const bytes = await file.toBuffer();
  return { filename: file.filename, mimetype: file.mimetype, bytes };
}
