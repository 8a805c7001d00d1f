/** How much of an attached file is read for the search index, and what a refusal or cut says. */
export interface TextLimits {
  /** Larger files are not read at all. */
  maxBytes: number;
  /** Pages of a PDF read; later pages are not searchable. */
  maxPages: number;
  /** Characters kept; later text is not searchable. */
  maxChars: number;
  /** Bytes a DOCX or ODT part may expand to (zip bombs are refused before inflating). */
  maxUncompressedBytes: number;
  /** Time the reading may take. */
  maxMillis: number;
}

export const DEFAULT_TEXT_LIMITS: TextLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxPages: 300,
  maxChars: 200_000,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxMillis: 20_000,
};

/** Why a file's text is not (or only partly) in the search index. */
export type TextReason = 'too_large' | 'too_many_pages' | 'too_many_characters' | 'timeout' | 'unreadable';

export interface ExtractedText {
  /** indexed: all of the text; partial: the text up to a limit; refused: none. */
  status: 'indexed' | 'partial' | 'refused';
  reason: TextReason | null;
  /** The limit that was reached (bytes, pages, characters or milliseconds), when one was. */
  limit: number | null;
  text: string;
  pages: number | null;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The reason in English, for API clients (the web app words it in the reader's language). */
export function textMessage(t: Pick<ExtractedText, 'reason' | 'limit'>): string | null {
  switch (t.reason) {
    case null:
      return null;
    case 'too_large':
      return `The file is larger than ${mb(t.limit ?? 0)}: its text is not searchable (the file itself is kept).`;
    case 'too_many_pages':
      return `Only the first ${t.limit} pages are searchable.`;
    case 'too_many_characters':
      return `Only the first ${t.limit} characters of text are searchable.`;
    case 'timeout':
      return `Reading the text took longer than ${Math.round((t.limit ?? 0) / 1000)} seconds: its text is not searchable.`;
    case 'unreadable':
      return 'The text of the file could not be read (damaged, encrypted or without text): it is not searchable.';
  }
}
