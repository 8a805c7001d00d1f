/** Allowed attachment types and a check that the bytes match the declared type. */
export const ATTACHMENT_TYPES: Record<string, { ext: string[]; magic?: number[] }> = {
  'application/pdf': { ext: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
  'image/png': { ext: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  'image/jpeg': { ext: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  'text/plain': { ext: ['txt'] },
  'text/csv': { ext: ['csv'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    ext: ['docx'],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    ext: ['xlsx'],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  'application/vnd.oasis.opendocument.text': { ext: ['odt'], magic: [0x50, 0x4b, 0x03, 0x04] },
};

/** Returns a reason when the file is not acceptable, else null. */
export function attachmentProblem(filename: string, contentType: string, bytes: Buffer): string | null {
  const type = ATTACHMENT_TYPES[contentType];
  if (!type)
    return `Files of type ${contentType} are not accepted. Accepted: PDF, PNG, JPEG, text, CSV, DOCX, XLSX, ODT.`;
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (!type.ext.includes(ext)) return `The file name ends in .${ext}, which does not match ${contentType}.`;
  if (bytes.length === 0) return 'The file is empty.';
  if (type.magic && !type.magic.every((b, i) => bytes[i] === b))
    return `The content is not a ${type.ext[0]!.toUpperCase()} file.`;
  if (!type.magic && bytes.subarray(0, 4096).includes(0)) return 'A text file must not contain binary data.';
  return null;
}

export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  return base.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 150) || 'file';
}
