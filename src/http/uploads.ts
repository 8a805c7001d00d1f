import type { FastifyRequest } from 'fastify';
import { badRequest, HttpError } from './errors.ts';

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
  const bytes = await file.toBuffer();
  return { filename: file.filename, mimetype: file.mimetype, bytes };
}
