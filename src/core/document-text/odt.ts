import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';

/** Thrown when an office file expands beyond its limit (a zip bomb) or is not a valid zip. */
export class OfficeFileError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

export function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
      (err, zip) => (err ? reject(new OfficeFileError(err.message)) : resolve(zip)),
    );
  });
}

/** The zip's entries by name; refused when their declared sizes add up beyond `maxTotal`. */
export function zipEntries(zip: yauzl.ZipFile, maxTotal: number): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    zip.on('entry', (e: yauzl.Entry) => {
      entries.set(e.fileName, e);
      total += e.uncompressedSize;
      if (total > maxTotal || entries.size > 10_000) {
        zip.close();
        reject(new OfficeFileError('expands beyond its limit', true));
      } else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(new OfficeFileError(err.message)));
    zip.readEntry();
  });
}

const BREAKS = new Set(['text:p', 'text:h', 'text:line-break', 'text:list-item', 'table:table-row']);
const SPACES = new Set(['text:s', 'text:tab', 'table:table-cell']);

/**
 * The text of an ODT's content.xml, streamed through the SAX parser (no DTD expansion), at most
 * `maxChars` characters; `cut` tells whether text was left out.
 */
export async function odtText(
  bytes: Uint8Array,
  maxChars: number,
  maxUncompressed: number,
): Promise<{ text: string; cut: boolean }> {
  const zip = await openZip(bytes);
  const entries = await zipEntries(zip, maxUncompressed);
  const entry = entries.get('content.xml');
  if (!entry) throw new OfficeFileError('no content.xml');
  const stream = await new Promise<NodeJS.ReadableStream & { destroy(): void }>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) =>
      err ? reject(new OfficeFileError(err.message)) : resolve(s as never),
    ),
  );
  const parser = new SaxesParser({ xmlns: false });
  const parts: string[] = [];
  let chars = 0;
  let cut = false;
  let inBody = false;
  const add = (s: string) => {
    if (cut) return;
    const room = maxChars - chars;
    if (s.length > room) {
      parts.push(s.slice(0, room));
      chars = maxChars;
      cut = true;
    } else {
      parts.push(s);
      chars += s.length;
    }
  };
  parser.on('opentag', (t) => {
    if (t.name === 'office:body') inBody = true;
    else if (inBody && SPACES.has(t.name)) add(' ');
  });
  parser.on('closetag', (t) => {
    if (t.name === 'office:body') inBody = false;
    else if (inBody && BREAKS.has(t.name)) add('\n');
  });
  parser.on('text', (s) => {
    if (inBody) add(s);
  });
  const decoder = new StringDecoder('utf8');
  await new Promise<void>((resolve, reject) => {
    parser.on('error', (e) => reject(new OfficeFileError(e.message)));
    stream.on('data', (chunk: Buffer) => {
      if (cut) {
        stream.destroy();
        resolve();
        return;
      }
      try {
        parser.write(decoder.write(chunk));
      } catch (e) {
        reject(new OfficeFileError((e as Error).message));
      }
    });
    stream.on('end', () => {
      try {
        parser.write(decoder.end()).close();
        resolve();
      } catch (e) {
        reject(new OfficeFileError((e as Error).message));
      }
    });
    stream.on('error', (e: Error) => reject(new OfficeFileError(e.message, /too/i.test(e.message))));
  });
  zip.close();
  return { text: parts.join(''), cut };
}
