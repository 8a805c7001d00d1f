/**
 * Builds the generated per-pattern cross-checks (issue 18) from the shared lists and from the
 * convention tables below. Hand-labelled sets live beside them as `*.csv` with a `source` column.
 * Run: npx tsx bench/screening/patterns/build.ts   (writes the generated CSVs in this folder)
 */
import { writeFileSync } from 'node:fs';
import { loadList } from '../../../src/engines/screening/lists.ts';
import type { Entity } from '../../../src/engines/screening/model.ts';
import { sanctionsData } from '../../../src/engines/screening/paths.ts';

type Row = [schema: string, name1: string, name2: string, isMatch: boolean, source: string];

const here = (f: string) => new URL(`./${f}`, import.meta.url);
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
function write(file: string, rows: Row[]): void {
  const lines = ['schema,name1,name2,is_match,source'];
  for (const [s, a, b, m, src] of rows) lines.push([s, a, b, String(m), src].map(csvCell).join(','));
  writeFileSync(here(file), `${lines.join('\n')}\n`);
  process.stdout.write(`${file}: ${rows.length} pairs (${rows.filter((r) => r[3]).length} matches)\n`);
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTICLE = /^(al|el|bin|ibn|ben|bint|ould|abu|abd|de|van|von|da|di)$/i;
const schemaOf = (e: Entity) => (e.kind === 'person' ? 'Person' : 'Organization');
const latin = (s: string) => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\s'.-]+$/u.test(s);

// 1. Cross-script: UN (and EU 833) original-script names against the same entry's Latin names
// (matches) and against the Latin primary name of another entry of the same kind and script (non-matches).
async function crossScript(): Promise<void> {
  const rows: Row[] = [];
  for (const l of [
    { listId: 'un', format: 'un-xml' as const, location: sanctionsData('un/UN_consolidated_2026-02-27.xml') },
    { listId: 'eu-833', format: 'eu-833-csv' as const, location: sanctionsData('eu_journal/32014R0833.csv') },
  ]) {
    const v = await loadList(l);
    const withScript = v.entities
      .map((e) => ({ e, orig: e.names.find((n) => !latin(n.value) && n.value.length > 2) }))
      .filter((x) => x.orig && latin(x.e.names[0]!.value));
    const random = rng(18);
    const limit = l.listId === 'un' ? 400 : 80;
    withScript.slice(0, limit).forEach(({ e, orig }, i) => {
      const src = `${l.listId} ${e.id}: original-script name vs Latin primary name`;
      rows.push([schemaOf(e), orig!.value, e.names[0]!.value, true, src]);
      // another entry of the same kind whose original script is the same
      const others = withScript.filter((x) => x.e.kind === e.kind && x.e.id !== e.id);
      const o = others[Math.floor(random() * others.length)] ?? withScript[(i + 1) % withScript.length]!;
      rows.push([schemaOf(e), orig!.value, o.e.names[0]!.value, false, `${src} of ${o.e.id}`]);
    });
  }
  write('cross-script.csv', rows);
}

// 2. Cyrillic person names romanised by national conventions, against the English/BGN-style form.
// Names: common Russian and Ukrainian given names and surnames (not list entries).
const CYRILLIC_NAMES = [
  'Сергей Иванов',
  'Михаил Жуков',
  'Юрий Щербаков',
  'Андрей Чернышёв',
  'Евгений Шевченко',
  'Дмитрий Кузнецов',
  'Алексей Смирнов',
  'Владимир Соколов',
  'Елена Васильева',
  'Наталья Попова',
  'Николай Фёдоров',
  'Ольга Морозова',
  'Татьяна Волкова',
  'Григорий Зайцев',
  'Александр Хрущёв',
  'Константин Цветков',
  'Валентина Журавлёва',
  'Игорь Яковлев',
  'Борис Лебедев',
  'Пётр Козлов',
  'Виктор Степанов',
  'Юлия Никитина',
  'Олег Орлов',
  'Ярослав Белоусов',
  'Вячеслав Тихонов',
  'Святослав Рыжков',
  'Анатолий Чубайс',
  'Людмила Шилова',
  'Максим Ефимов',
  'Роман Абрамович',
];
type Conv = Record<string, string>;
const BASE: Conv = {
  а: 'a',
  б: 'b',
  г: 'g',
  д: 'd',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  ы: 'y',
  э: 'e',
  ъ: '',
  ь: '',
  е: 'e',
  ё: 'jo',
  й: 'j',
  в: 'v',
};
const CONVENTIONS: Record<string, Conv> = {
  German: {
    ...BASE,
    в: 'w',
    ж: 'sch',
    з: 's',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ю: 'ju',
    я: 'ja',
    ё: 'jo',
  },
  French: {
    ...BASE,
    ж: 'j',
    х: 'kh',
    ц: 'ts',
    ч: 'tch',
    ш: 'ch',
    щ: 'chtch',
    у: 'ou',
    ю: 'iou',
    я: 'ia',
    й: 'ï',
    ё: 'io',
  },
  Polish: { ...BASE, в: 'w', ж: 'ż', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', щ: 'szcz', ю: 'ju', я: 'ja', л: 'ł' },
  Czech: { ...BASE, ж: 'ž', х: 'ch', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ю: 'ju', я: 'ja' },
  Hungarian: {
    ...BASE,
    ж: 'zs',
    с: 'sz',
    х: 'h',
    ц: 'c',
    ч: 'cs',
    ш: 's',
    щ: 'scs',
    ю: 'ju',
    я: 'ja',
    ы: 'i',
  },
  Dutch: { ...BASE, ж: 'zj', х: 'ch', ц: 'ts', ч: 'tsj', ш: 'sj', щ: 'sjtsj', у: 'oe', ю: 'joe', я: 'ja' },
};
const ENGLISH: Conv = {
  ...BASE,
  ж: 'zh',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ю: 'yu',
  я: 'ya',
  й: 'y',
  ё: 'yo',
};
const VOWELS = 'аеёиоуыэюя';
function romanise(name: string, conv: Conv, english: boolean): string {
  return name
    .split(' ')
    .map((w) => {
      let out = '';
      const lower = w.toLowerCase();
      for (let i = 0; i < lower.length; i++) {
        const c = lower[i]!;
        // е at the start of a word or after a vowel: ye / je
        if (c === 'е' && (i === 0 || VOWELS.includes(lower[i - 1]!) || 'ьъ'.includes(lower[i - 1]!)))
          out += english ? 'ye' : 'je';
        else out += conv[c] ?? c;
      }
      return out.charAt(0).toUpperCase() + out.slice(1);
    })
    .join(' ');
}
function cyrillic(): void {
  const rows: Row[] = [];
  const random = rng(7);
  CYRILLIC_NAMES.forEach((n, i) => {
    const en = romanise(n, ENGLISH, true);
    for (const [conv, table] of Object.entries(CONVENTIONS)) {
      const src = `${conv} romanisation of ${n} vs English-style romanisation`;
      rows.push(['Person', romanise(n, table, false), en, true, src]);
      // another name of the list under the same convention: a different person
      let j = Math.floor(random() * CYRILLIC_NAMES.length);
      if (j === i) j = (j + 1) % CYRILLIC_NAMES.length;
      rows.push([
        'Person',
        romanise(CYRILLIC_NAMES[j]!, table, false),
        en,
        false,
        `${conv} romanisation of ${CYRILLIC_NAMES[j]} vs English-style ${n}`,
      ]);
    }
  });
  write('cyrillic-conventions.csv', rows);
}

// 3. Added / dropped / different name parts (UN individuals with 3+ parts): dropping a middle part
// keeps the person; replacing it with another entry's part, or keeping only the given name, does not.
// Patronymic order: "X bin Y" swapped to "Y bin X" is another person; "SURNAME, Given" is the same.
async function nameParts(): Promise<void> {
  const v = await loadList({
    listId: 'un',
    format: 'un-xml',
    location: sanctionsData('un/UN_consolidated_2026-02-27.xml'),
  });
  const persons = v.entities.filter((e) => e.kind === 'person');
  const random = rng(2718);
  const parts: Row[] = [];
  const order: Row[] = [];
  const pool = persons.flatMap((e) =>
    e.names[0]!.value.split(/\s+/).filter((p) => p.length >= 5 && /^\p{L}+$/u.test(p)),
  );
  let n = 0;
  for (const e of persons) {
    const name = e.names[0]!.value;
    const p = name.split(/\s+/);
    if (p.length >= 3 && p.length <= 5 && p.every((x) => /^\p{L}+$/u.test(x)) && n < 120) {
      n++;
      // a middle part that is a name, not an article or link word (al, bin, ould, ...)
      const mids = p.map((_, k) => k).filter((k) => k > 0 && k < p.length - 1 && !PARTICLE.test(p[k]!));
      if (!mids.length) continue;
      const mid = mids[Math.floor(random() * mids.length)]!;
      const dropped = p.filter((_, k) => k !== mid).join(' ');
      parts.push(['Person', dropped, name, true, `UN ${e.id}: middle part ${mid + 1} dropped`]);
      let other = pool[Math.floor(random() * pool.length)]!;
      if (other.toLowerCase() === p[mid]!.toLowerCase())
        other = pool[(pool.indexOf(other) + 1) % pool.length]!;
      const replaced = p.map((x, k) => (k === mid ? other : x)).join(' ');
      parts.push([
        'Person',
        replaced,
        name,
        false,
        `UN ${e.id}: part ${mid + 1} replaced by another entry's part`,
      ]);
      if (n % 3 === 0) parts.push(['Person', p[0]!, name, false, `UN ${e.id}: given name alone`]);
    }
    const bin = p.findIndex((x, k) => k > 0 && k < p.length - 1 && /^(bin|ibn|ben|bint|ould)$/i.test(x));
    if (bin > 0 && order.length < 120 && p[bin - 1]!.toLowerCase() !== p[bin + 1]!.toLowerCase()) {
      const swapped = p
        .map((x, k) => (k === bin - 1 ? p[bin + 1] : k === bin + 1 ? p[bin - 1] : x))
        .join(' ');
      order.push([
        'Person',
        swapped,
        name,
        false,
        `UN ${e.id}: patronymic order swapped (X bin Y / Y bin X)`,
      ]);
      const inverted = `${p[p.length - 1]}, ${p.slice(0, -1).join(' ')}`;
      order.push([
        'Person',
        inverted,
        name,
        true,
        `UN ${e.id}: whole name inverted as lists print it (SURNAME, Given)`,
      ]);
    }
  }
  for (const e of persons) {
    const p = e.names[0]!.value.split(/\s+/);
    if (p.length === 2 && order.length < 160 && p.every((x) => /^\p{L}{3,}$/u.test(x)))
      order.push(['Person', `${p[1]}, ${p[0]}`, e.names[0]!.value, true, `UN ${e.id}: SURNAME, Given`]);
  }
  write('name-parts.csv', parts);
  write('word-order.csv', order);
}

await crossScript();
cyrillic();
await nameParts();
