import { attachmentProblem } from '../../core/attachment-types.ts';
import type { MediaKind } from '../../engines/questionnaire/index.ts';

/** Largest file answer (bytes) when the platform's upload limit is not lower: 10 MiB. */
export const ANSWER_FILE_LIMIT = 10 * 1_048_576;

/** Sound and video types a question of media audio / video accepts, with their leading bytes. */
const AV_TYPES: Record<string, { media: 'audio' | 'video'; ext: string[]; magic: (b: Buffer) => boolean }> = {
  'audio/mpeg': {
    media: 'audio',
    ext: ['mp3'],
    magic: (b) =>
      b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  },
  'audio/ogg': {
    media: 'audio',
    ext: ['ogg', 'oga'],
    magic: (b) => b.subarray(0, 4).toString('latin1') === 'OggS',
  },
  'audio/wav': {
    media: 'audio',
    ext: ['wav'],
    magic: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE',
  },
  'video/mp4': {
    media: 'video',
    ext: ['mp4', 'm4v'],
    magic: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  },
  'video/webm': {
    media: 'video',
    ext: ['webm'],
    magic: (b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3,
  },
};

const IMAGE_TYPES = ['image/png', 'image/jpeg'];

/** What a question of each media kind accepts, said to the person uploading. */
export const MEDIA_ACCEPTS: Record<MediaKind, string> = {
  file: 'PDF, PNG, JPEG, text, CSV, DOCX, XLSX, ODT',
  image: 'PNG, JPEG',
  audio: 'MP3, OGG, WAV',
  video: 'MP4, WebM',
};

/** The `accept` attribute of the form's file control for a media kind. */
export const MEDIA_ACCEPT_ATTRIBUTE: Record<MediaKind, string> = {
  file: '.pdf,.png,.jpg,.jpeg,.txt,.csv,.docx,.xlsx,.odt',
  image: 'image/png,image/jpeg',
  audio: 'audio/mpeg,audio/ogg,audio/wav',
  video: 'video/mp4,video/webm',
};

/**
 * Why a file does not fit a file question of this media kind (type, name, content, size), or null.
 * `limit`: the size limit in bytes.
 */
export function answerFileProblem(
  media: MediaKind,
  file: { filename: string; mimetype: string; bytes: Buffer },
  limit: number,
): string | null {
  if (file.bytes.length > limit)
    return `The file is ${file.bytes.length} bytes; a file answer may have at most ${limit} bytes.`;
  if (media === 'file' || media === 'image') {
    if (media === 'image' && !IMAGE_TYPES.includes(file.mimetype))
      return `This question asks for an image (${MEDIA_ACCEPTS.image}), not ${file.mimetype}.`;
    const p = attachmentProblem(file.filename, file.mimetype, file.bytes);
    return p;
  }
  const type = AV_TYPES[file.mimetype];
  if (!type || type.media !== media)
    return `This question asks for ${media === 'audio' ? 'a sound recording' : 'a video'} (${MEDIA_ACCEPTS[media]}), not ${file.mimetype}.`;
  const ext = file.filename.toLowerCase().split('.').pop() ?? '';
  if (!type.ext.includes(ext)) return `The file name ends in .${ext}, which does not match ${file.mimetype}.`;
  if (file.bytes.length === 0) return 'The file is empty.';
  if (!type.magic(file.bytes)) return `The content is not a ${type.ext[0]!.toUpperCase()} file.`;
  return null;
}
