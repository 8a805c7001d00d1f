import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';
import { feedMayQuote } from '../../access/meeting-policy.ts';
import type { CalendarItem } from '../calendar/calendar-item.ts';
import { feedMessages } from './feed-messages.ts';

/** A moment's wall-clock time in a time zone, as `YYYY-MM-DDTHH:MM:SS` (written with that TZID). */
export function wallClock(instant: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** The words of an item's date in a language, where the item carries them (`{ labels }`). */
function whatIn(item: CalendarItem, lang: string): string | null {
  const w = item.what.params.what;
  if (w && typeof w === 'object' && 'labels' in w) return w.labels[lang] ?? w.labels.en ?? null;
  return null;
}

const addDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The iCalendar text of one reader's calendar items. Titles are quoted only where the marking
 * allows quoting in e-mail (`feedMayQuote`); other items read "Restricted item" with the link to
 * their page and nothing else. Moments with a time zone are written in it (TZID, with its
 * VTIMEZONE); whole days as dates (a span's end is exclusive in iCalendar: the day after).
 */
export function buildIcs(
  items: readonly CalendarItem[],
  opts: { locale: string; publicUrl: string; now: Date },
): string {
  const m = feedMessages(opts.locale);
  const lang = opts.locale.slice(0, 2).toLowerCase();
  const cal = ical({
    name: m.name,
    description: m.description,
    prodId: { company: 'EUCAB', product: 'Cooperation Platform', language: lang.toUpperCase() },
    timezone: { name: null, generator: getVtimezoneComponent },
    ttl: 3600,
  });
  for (const item of items) {
    const url = item.link ? `${opts.publicUrl}${item.link}` : null;
    const quote = feedMayQuote(item.marking);
    const what = whatIn(item, lang);
    const description = quote
      ? [what, url ? `${m.open} ${url}` : null].filter(Boolean).join('\n')
      : `${m.restrictedDescription} ${url ?? opts.publicUrl}`;
    const common = {
      id: `${item.id}@eucab-platform`,
      stamp: opts.now,
      summary: quote ? item.title : m.restricted,
      description,
      url,
    };
    if (item.allDay) {
      cal.createEvent({
        ...common,
        allDay: true,
        start: `${item.start.slice(0, 10)}T00:00:00`,
        end: `${addDay((item.end ?? item.start).slice(0, 10))}T00:00:00`,
      });
    } else if (item.timeZone) {
      cal.createEvent({
        ...common,
        timezone: item.timeZone,
        start: wallClock(item.start, item.timeZone),
        ...(item.end ? { end: wallClock(item.end, item.timeZone) } : {}),
      });
    } else {
      cal.createEvent({
        ...common,
        start: new Date(item.start),
        ...(item.end ? { end: new Date(item.end) } : {}),
      });
    }
  }
  return cal.toString();
}
