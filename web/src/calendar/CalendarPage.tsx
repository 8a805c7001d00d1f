import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type CalendarAnswer, type CalendarItem, qs } from '../api.ts';
import { useSentence } from '../components/sentence.tsx';
import { Alert, ErrorMessage, Loading, PageTitle, TlpBadge } from '../components/ui.tsx';
import { CalendarFeedPanel } from '../meetings/CalendarFeedPanel.tsx';
import { type Day, daysOfItem, monthGrid, monthOf, shiftMonth, today } from './dates.ts';
import './calendar.css';

type View = 'agenda' | 'month';

/** The items of each day of the range: spans on every day they cover, or (agenda) on their first day. */
function byDay(
  items: readonly CalendarItem[],
  from: Day,
  to: Day,
  spans: 'every' | 'first',
): Map<Day, CalendarItem[]> {
  const out = new Map<Day, CalendarItem[]>();
  for (const i of items) {
    const days = daysOfItem(i, from, to);
    for (const d of spans === 'first' ? days.slice(0, 1) : days) out.set(d, [...(out.get(d) ?? []), i]);
  }
  return out;
}

function ItemLine({ item, day, compact }: { item: CalendarItem; day: Day; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const sentence = useSentence();
  const clock = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  const time =
    !item.allDay &&
    (item.end
      ? clock.formatRange(new Date(item.start), new Date(item.end))
      : clock.format(new Date(item.start)));
  const rsvp = item.rsvp && (
    <span className="muted">
      {' '}
      · {t('meetings.rsvp.calendar', item.rsvp)}
      {item.rsvp.mine &&
        ` (${t('meetings.rsvp.calendarMine', { answer: t(`meetings.rsvp.answer.${item.rsvp.mine}`) })})`}
    </span>
  );
  const what = sentence(item.what);
  const title = item.link ? <Link to={item.link}>{item.title}</Link> : <span>{item.title}</span>;
  if (compact)
    return (
      <li className={`calendar-item calendar-area-${item.area}`}>
        {time && <span className="muted">{time} </span>}
        {title}
        <span className="visually-hidden"> — {what}</span>
      </li>
    );
  return (
    <li className={`calendar-item calendar-area-${item.area}`}>
      <span className="calendar-when">{time || t('calendar.allDay')}</span>
      <span className="calendar-what">
        {title}
        <span className="muted">
          {' '}
          · {what}
          {item.allDay &&
            item.end &&
            item.end !== day &&
            ` · ${t('calendar.until', { date: fmtDay(item.end, i18n.language) })}`}
        </span>
        {rsvp}
      </span>
      <span className="calendar-tags">
        {item.organisation && <span className="pill">{item.organisation.code}</span>}
        {item.marking && <TlpBadge tlp={item.marking} />}
      </span>
    </li>
  );
}

const fmtDay = (d: Day, lang: string, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
  new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));

/** Day after day, the days of the month that have something. */
function Agenda({ days, month }: { days: Map<Day, CalendarItem[]>; month: string }) {
  const { t, i18n } = useTranslation();
  const list = [...days].filter(([d]) => d.startsWith(month)).sort(([a], [b]) => a.localeCompare(b));
  if (list.length === 0) return <p className="muted">{t('calendar.empty')}</p>;
  return (
    <ol className="calendar-agenda">
      {list.map(([d, items]) => (
        <li key={d} aria-current={d === today() ? 'date' : undefined}>
          <h3>
            <time dateTime={d}>{fmtDay(d, i18n.language, { dateStyle: 'full' })}</time>
          </h3>
          <ul>
            {items.map((i) => (
              <ItemLine key={i.id} item={i} day={d} />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** The month as a table of weeks (Monday first); each day lists its items as links. */
function MonthTable({ days, month, grid }: { days: Map<Day, CalendarItem[]>; month: string; grid: Day[][] }) {
  const { t, i18n } = useTranslation();
  const weekdays = grid[0]!.map((d) => fmtDay(d, i18n.language, { weekday: 'long' }));
  const short = grid[0]!.map((d) => fmtDay(d, i18n.language, { weekday: 'short' }));
  return (
    <div className="table-wrap">
      <table className="calendar-month">
        <caption>
          {t('calendar.caption', {
            month: fmtDay(`${month}-01`, i18n.language, { month: 'long', year: 'numeric' }),
          })}
        </caption>
        <thead>
          <tr>
            {weekdays.map((w, i) => (
              <th key={w} scope="col">
                <abbr title={w}>{short[i]}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.map((week) => (
            <tr key={week[0]}>
              {week.map((d) => {
                const items = days.get(d) ?? [];
                const other = !d.startsWith(month);
                return (
                  <td
                    key={d}
                    className={`${other ? 'calendar-other' : ''}${d === today() ? ' calendar-today' : ''}`}
                    aria-current={d === today() ? 'date' : undefined}
                  >
                    <time dateTime={d} className="calendar-day">
                      <span aria-hidden="true">{Number(d.slice(8))}</span>
                      <span className="visually-hidden">
                        {fmtDay(d, i18n.language, { dateStyle: 'full' })}
                      </span>
                    </time>
                    {items.length > 0 && (
                      <ul>
                        {items.map((i) => (
                          <ItemLine key={i.id} item={i} day={d} compact />
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The calendar: what every area dates and the user may read (GET /calendar), a month at a time,
 * as an agenda (the days that have something) or as a month table. The month and the view are in
 * the address, so a month can be bookmarked and the browser's back button works.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const month = monthOf(params.get('month'));
  const view: View = params.get('view') === 'month' ? 'month' : 'agenda';
  const grid = monthGrid(month);
  const from = grid[0]![0]!;
  const to = grid[grid.length - 1]![6]!;
  const q = useQuery({
    queryKey: ['calendar', from, to],
    queryFn: () => api<CalendarAnswer>(`/calendar${qs({ from, to })}`),
    placeholderData: keepPreviousData,
  });
  const go = (patch: { month?: string; view?: View }) =>
    setParams({ month: patch.month ?? month, view: patch.view ?? view });
  const items = q.data?.items ?? [];
  const monthName = fmtDay(`${month}-01`, i18n.language, { month: 'long', year: 'numeric' });
  return (
    <>
      <PageTitle>{t('calendar.title')}</PageTitle>
      <p className="lead">{t('calendar.intro')}</p>
      <div className="calendar-toolbar">
        <div className="calendar-nav">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => go({ month: shiftMonth(month, -1) })}
          >
            <span aria-hidden="true">‹ </span>
            {t('calendar.previous')}
          </button>
          <h2 aria-live="polite">{monthName}</h2>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => go({ month: shiftMonth(month, 1) })}
          >
            {t('calendar.next')}
            <span aria-hidden="true"> ›</span>
          </button>
          {month !== today().slice(0, 7) && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => go({ month: today().slice(0, 7) })}
            >
              {t('calendar.thisMonth')}
            </button>
          )}
        </div>
        <fieldset className="calendar-views">
          <legend className="visually-hidden">{t('calendar.view')}</legend>
          {(['agenda', 'month'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`button button-small ${v === view ? '' : 'button-secondary'}`}
              aria-pressed={v === view}
              onClick={() => go({ view: v })}
            >
              {t(`calendar.views.${v}`)}
            </button>
          ))}
        </fieldset>
      </div>
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <>
          {q.data?.truncated && (
            <Alert kind="warning">{t('calendar.truncated', { count: q.data.items.length })}</Alert>
          )}
          {view === 'agenda' ? (
            <Agenda days={byDay(items, `${month}-01`, to, 'first')} month={month} />
          ) : (
            <MonthTable days={byDay(items, from, to, 'every')} month={month} grid={grid} />
          )}
        </>
      )}
      <CalendarFeedPanel />
    </>
  );
}
