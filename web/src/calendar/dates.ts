/** A day as YYYY-MM-DD. The calendar computes with days as text and UTC dates, never local clocks. */
export type Day = string;

const DAY = 24 * 3600_000;
const toDay = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);
const ms = (d: Day) => Date.parse(`${d}T00:00:00Z`);

/** Today in the browser's time zone. */
export function today(now = new Date()): Day {
  return toDay(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

export function addDays(d: Day, n: number): Day {
  return toDay(ms(d) + n * DAY);
}

/** The month of the address (`YYYY-MM`), else the current one. */
export function monthOf(param: string | null, now = new Date()): string {
  if (param && /^\d{4}-(0[1-9]|1[0-2])$/.test(param)) return param;
  return today(now).slice(0, 7);
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return toDay(Date.UTC(y, m - 1 + n, 1)).slice(0, 7);
}

/** The weeks (Monday to Sunday) that show the month: 4 to 6 rows of 7 days. */
export function monthGrid(month: string): Day[][] {
  const first = `${month}-01`;
  const weekday = (new Date(ms(first)).getUTCDay() + 6) % 7; // Monday = 0
  let d = addDays(first, -weekday);
  const next = `${shiftMonth(month, 1)}-01`;
  const weeks: Day[][] = [];
  while (d < next) {
    const week: Day[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(d);
      d = addDays(d, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The local day of a moment (an ISO date-time), or the day itself. */
export function dayOf(start: string): Day {
  if (start.length === 10) return start;
  return today(new Date(start));
}

/** The days of [from, to] an item covers: its day, or every day of its span within the range. */
export function daysOfItem(
  i: { start: string; end: string | null; allDay: boolean },
  from: Day,
  to: Day,
): Day[] {
  const first = dayOf(i.start);
  const last = i.allDay && i.end ? i.end : first;
  const out: Day[] = [];
  for (let d = first < from ? from : first; d <= last && d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
