import { SaxesParser } from 'saxes';

/**
 * Reads IATI activity files (versions 2.01–2.03) as a stream: the bytes go to a SAX parser
 * (`saxes`) in chunks, and each `iati-activity` is handed on as soon as it closes, so a file of
 * 100 MB never becomes a tree in memory. No entity is expanded: a file with a DOCTYPE (where
 * entities would be declared) is refused, and saxes knows only the five XML entities. Version
 * 1.x files, other root elements and malformed XML are refused with the line and column.
 * Pure: no database, so it may run in a worker.
 */

export class IatiFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(message);
  }
}

export const READABLE_VERSIONS = ['2.01', '2.02', '2.03'] as const;

export type Texts = Record<string, string>;

export interface IatiActivity {
  identifier: string;
  defaultCurrency: string | null;
  title: Texts;
  descriptions: { type: string; text: Texts }[];
  status: string | null;
  dates: { type: string; isoDate: string }[];
  participants: { ref: string | null; role: string | null; type: string | null; name: Texts }[];
  countries: { code: string; percentage: number | null }[];
  regions: { code: string; vocabulary: string; percentage: number | null }[];
  sectors: { code: string; vocabulary: string; percentage: number | null }[];
  budgets: { start: string | null; end: string | null; value: number; currency: string | null }[];
  transactions: number;
  documents: { url: string; title: Texts; categories: string[] }[];
  contacts: {
    organisation: string | null;
    department: string | null;
    email: string | null;
    website: string | null;
  }[];
  results: Texts[];
}

const emptyActivity = (): IatiActivity => ({
  identifier: '',
  defaultCurrency: null,
  title: {},
  descriptions: [],
  status: null,
  dates: [],
  participants: [],
  countries: [],
  regions: [],
  sectors: [],
  budgets: [],
  transactions: 0,
  documents: [],
  contacts: [],
  results: [],
});

const num = (v: string | undefined) => {
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : null;
};

export interface ReadResult {
  version: string;
  activities: number;
}

/**
 * Reads the file chunk by chunk, calling `onActivity` for each activity and `onProgress` with the
 * bytes read; yields to the event loop between chunks so other requests keep being answered.
 */
export async function readIatiActivities(
  bytes: Uint8Array,
  onActivity: (a: IatiActivity) => void,
  opts: { chunkSize?: number; onProgress?: (done: number, total: number) => Promise<void> } = {},
): Promise<ReadResult> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let version: string | null = null;
  let count = 0;
  let act: IatiActivity | null = null;
  let activityLang = 'en';
  let fileLang = 'en';
  const stack: string[] = [];
  let text = '';
  let narrativeLang = '';
  let narrativeTarget: Texts | null = null;
  // What the narrative being read belongs to.
  let current: {
    participant?: IatiActivity['participants'][number];
    description?: IatiActivity['descriptions'][number];
    document?: IatiActivity['documents'][number];
    contact?: IatiActivity['contacts'][number];
    result?: Texts;
    budget?: IatiActivity['budgets'][number];
  } = {};
  let failure: IatiFileError | null = null;
  const fail = (message: string) => {
    failure ??= new IatiFileError(message, parser.line, parser.column);
  };

  parser.on('doctype', () =>
    fail(
      'The file declares a DOCTYPE: IATI files have none, and entities are never expanded here. Remove the DOCTYPE and try again.',
    ),
  );
  parser.on('error', (e) =>
    fail(`The file is not well-formed XML: ${e.message.replace(/^[^:]*:\d+:\d+: /, '')}`),
  );
  parser.on('opentag', (tag) => {
    const name = tag.name;
    const at = tag.attributes as Record<string, string>;
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (stack.length === 1) {
      if (name !== 'iati-activities')
        return fail(
          name === 'iati-organisations'
            ? 'This is an IATI organisation file: import an activity file (root element iati-activities).'
            : `Not an IATI activity file: the root element is ${name}, not iati-activities.`,
        );
      version = at.version ?? '';
      if (/^1\./.test(version))
        return fail(
          `This file follows IATI version ${version}. Version 1 files are not read: ask the publisher for its 2.0x file, or convert it to 2.03 first.`,
        );
      if (!(READABLE_VERSIONS as readonly string[]).includes(version))
        return fail(
          version
            ? `IATI version ${version} is not read: the import reads versions ${READABLE_VERSIONS.join(', ')}.`
            : 'The iati-activities element has no version: the import reads versions 2.01 to 2.03.',
        );
      fileLang = at['xml:lang'] ?? 'en';
      return;
    }
    if (name === 'iati-activity' && parent === 'iati-activities') {
      act = emptyActivity();
      activityLang = at['xml:lang'] ?? fileLang;
      act.defaultCurrency = at['default-currency'] ?? null;
      current = {};
      return;
    }
    if (!act) return;
    text = '';
    const depth = stack.length; // 3 = a direct child of iati-activity
    if (name === 'narrative') {
      narrativeLang = at['xml:lang'] ?? activityLang;
      const owner = stack[depth - 2];
      const grand = stack[depth - 3];
      narrativeTarget = null;
      if (owner === 'title' && grand === 'iati-activity') narrativeTarget = act.title;
      else if (owner === 'description' && grand === 'iati-activity')
        narrativeTarget = current.description?.text ?? null;
      else if (owner === 'participating-org') narrativeTarget = current.participant?.name ?? null;
      else if (owner === 'title' && grand === 'document-link')
        narrativeTarget = current.document?.title ?? null;
      else if (owner === 'title' && grand === 'result') narrativeTarget = current.result ?? null;
      return;
    }
    if (depth === 3) {
      switch (name) {
        case 'description':
          current.description = { type: at.type ?? '1', text: {} };
          act.descriptions.push(current.description);
          break;
        case 'activity-status':
          act.status = at.code ?? null;
          break;
        case 'activity-date':
          if (at.type && at['iso-date']) act.dates.push({ type: at.type, isoDate: at['iso-date'] });
          break;
        case 'participating-org':
          current.participant = {
            ref: at.ref ?? null,
            role: at.role ?? null,
            type: at.type ?? null,
            name: {},
          };
          act.participants.push(current.participant);
          break;
        case 'recipient-country':
          if (at.code) act.countries.push({ code: at.code.toUpperCase(), percentage: num(at.percentage) });
          break;
        case 'recipient-region':
          if (at.code)
            act.regions.push({
              code: at.code,
              vocabulary: at.vocabulary ?? '1',
              percentage: num(at.percentage),
            });
          break;
        case 'sector':
          if (at.code)
            act.sectors.push({
              code: at.code,
              vocabulary: at.vocabulary ?? '1',
              percentage: num(at.percentage),
            });
          break;
        case 'budget':
          current.budget = { start: null, end: null, value: 0, currency: null };
          act.budgets.push(current.budget);
          break;
        case 'transaction':
          act.transactions += 1;
          break;
        case 'document-link':
          current.document = { url: at.url ?? '', title: {}, categories: [] };
          act.documents.push(current.document);
          break;
        case 'contact-info':
          current.contact = { organisation: null, department: null, email: null, website: null };
          act.contacts.push(current.contact);
          break;
        case 'result':
          current.result = {};
          act.results.push(current.result);
          break;
      }
      return;
    }
    if (parent === 'budget' && current.budget) {
      if (name === 'period-start') current.budget.start = at['iso-date'] ?? null;
      if (name === 'period-end') current.budget.end = at['iso-date'] ?? null;
      if (name === 'value') current.budget.currency = at.currency ?? null;
    }
    if (parent === 'document-link' && name === 'category' && at.code)
      current.document?.categories.push(at.code);
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name;
    stack.pop();
    const parent = stack[stack.length - 1];
    if (!act) return;
    if (name === 'iati-activity' && parent === 'iati-activities') {
      count += 1;
      onActivity(act);
      act = null;
      return;
    }
    const value = text.trim().replace(/\s+/g, ' ');
    if (name === 'narrative' && narrativeTarget && value) {
      narrativeTarget[narrativeLang] = narrativeTarget[narrativeLang]
        ? `${narrativeTarget[narrativeLang]}\n${value}`
        : value;
    } else if (name === 'narrative' && value && current.contact) {
      const owner = stack[stack.length - 1];
      if (owner === 'organisation') current.contact.organisation ??= value;
      if (owner === 'department') current.contact.department ??= value;
    }
    if (name === 'iati-identifier' && parent === 'iati-activity') act.identifier = value;
    if (name === 'value' && parent === 'budget' && current.budget) current.budget.value = num(value) ?? 0;
    if (parent === 'contact-info' && current.contact) {
      if (name === 'email') current.contact.email ??= value;
      if (name === 'website') current.contact.website ??= value;
    }
    if (stack.length === 2) current = {};
    text = '';
  });

  const chunkSize = opts.chunkSize ?? 1 << 20;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let i = 0; i < bytes.length && !failure; i += chunkSize) {
      const end = Math.min(bytes.length, i + chunkSize);
      parser.write(decoder.decode(bytes.subarray(i, end), { stream: end < bytes.length }));
      if (opts.onProgress) await opts.onProgress(end, bytes.length);
      await new Promise((r) => setImmediate(r));
    }
    if (!failure) parser.close();
  } catch (e) {
    if (e instanceof TypeError) fail('The file is not UTF-8 text: IATI files are XML in UTF-8.');
    else if (!failure)
      fail(`The file is not well-formed XML: ${(e as Error).message.replace(/^[^:]*:\d+:\d+: /, '')}`);
  }
  if (failure) throw failure;
  if (version === null) throw new IatiFileError('The file is empty: no iati-activities element.');
  return { version, activities: count };
}
