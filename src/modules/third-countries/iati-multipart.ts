import type { FastifyRequest } from 'fastify';
import { badRequest, HttpError } from '../../http/errors.ts';
import { refuseNulInPart } from '../../http/uploads.ts';

/** IATI files are read up to this size (the platform's general upload limit may be lower). */
export const IATI_MAX_BYTES = 100 * 1_048_576;

export interface IatiUpload {
  fields: Record<string, string>;
  file: { name: string; bytes: Buffer; contentType: string };
}

/**
 * Reads the IATI import's multipart request: text fields (filters, themes) and the XML file
 * (field "file", up to 100 MB); 415 when not multipart, 400 without a file or with another type.
 */
export async function readIatiMultipart(req: FastifyRequest): Promise<IatiUpload> {
  if (!req.isMultipart())
    throw new HttpError(
      415,
      'Unsupported media type',
      'Upload the IATI file as multipart/form-data in a field named "file".',
    );
  const fields: Record<string, string> = {};
  let file: IatiUpload['file'] | null = null;
  for await (const part of req.parts({ limits: { fileSize: IATI_MAX_BYTES, files: 1 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        await part.toBuffer();
        continue;
      }
      refuseNulInPart(part.filename, 'name of the uploaded file', 'file');
      file = {
        name: part.filename || 'activities.xml',
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
    throw badRequest('No file: send the IATI activity file in a field named "file".', [
      { field: 'file', message: 'missing' },
    ]);
  if (!/\.xml$/i.test(file.name))
    throw badRequest('The file must be an IATI activity file in XML (.xml).', [
      { field: 'file', message: 'must end in .xml' },
    ]);
  return { fields, file };
}
