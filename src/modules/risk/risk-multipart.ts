import type { FastifyRequest } from 'fastify';
import { badRequest, HttpError } from '../../http/errors.ts';
import { refuseNulInPart } from '../../http/uploads.ts';
import type { RiskUpload } from './operations/uploaded-file.ts';

const FILE_TYPES = /\.(csv|tsv|jsonl|ndjson)(\.gz)?$/i;

/**
 * Reads a multipart request of the risk routes: text fields and the one file (field "file"), in any
 * order; 415 when not multipart, 400 without a file or with a file that is not CSV or JSON lines.
 * Routes hand it to the operations as `upload: (what) => readMultipart(req, what)`.
 */
export async function readMultipart(req: FastifyRequest, what: string): Promise<RiskUpload> {
  if (!req.isMultipart())
    throw new HttpError(
      415,
      'Unsupported media type',
      `Upload the ${what} as multipart/form-data in a field named "file".`,
    );
  const fields: Record<string, string> = {};
  let file: RiskUpload['file'] | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        await part.toBuffer();
        continue;
      }
      refuseNulInPart(part.filename, 'name of the uploaded file', 'file');
      file = {
        name: part.filename || 'upload.csv',
        bytes: await part.toBuffer(),
        contentType: part.mimetype,
      };
    } else {
      refuseNulInPart(part.fieldname, 'name of a form field', 'body');
      refuseNulInPart(String(part.value), `form field "${part.fieldname}"`, `body.${part.fieldname}`);
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file || file.bytes.length === 0)
    throw badRequest(`No file: send the ${what} in a field named "file".`, [
      { field: 'file', message: 'missing' },
    ]);
  if (!FILE_TYPES.test(file.name))
    throw badRequest(
      'The file must be CSV (.csv or .tsv, with a header row; comma, semicolon or tab) or JSON lines (.jsonl), optionally gzip-compressed (.gz).',
      [{ field: 'file', message: 'must end in .csv, .tsv or .jsonl (optionally .gz)' }],
    );
  return { fields, file };
}
