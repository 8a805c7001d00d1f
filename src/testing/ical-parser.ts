import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An independent iCalendar parser for tests: Debian's python3-icalendar, run by /usr/bin/python3
 * (the first `python3` on PATH may lack Debian's packages). `.ci/run` installs it.
 */
export const PYTHON = '/usr/bin/python3';

/** Why the parser cannot run here, or null when it can. */
export function icalendarMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  try {
    execFileSync(PYTHON, ['-c', 'import icalendar'], { stdio: 'ignore' });
    return null;
  } catch {
    return `${PYTHON} lacks the icalendar module: apt-get install -y python3-icalendar`;
  }
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string | null;
  /** The start as written: the date or the local date-time, and the TZID when one is given. */
  start: string;
  tzid: string | null;
  /** The start as a UTC instant (moments), or the date (whole days). */
  startUtc: string;
  end: string | null;
}

const SCRIPT = `
import json, sys, datetime
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = {'timezones': [str(tz.get('TZID')) for tz in cal.walk('VTIMEZONE')], 'events': []}
for ev in cal.walk('VEVENT'):
    start = ev.get('DTSTART')
    dt = start.dt
    end = ev.get('DTEND')
    utc = dt.astimezone(datetime.timezone.utc).isoformat() if isinstance(dt, datetime.datetime) else dt.isoformat()
    out['events'].append({
        'uid': str(ev.get('UID')),
        'summary': str(ev.get('SUMMARY')),
        'description': str(ev.get('DESCRIPTION') or ''),
        'url': str(ev.get('URL')) if ev.get('URL') else None,
        'start': start.to_ical().decode(),
        'tzid': start.params.get('TZID'),
        'startUtc': utc,
        'end': end.to_ical().decode() if end else None,
    })
print(json.dumps(out))
`;

/** Parses iCalendar text with python3-icalendar (throws on text it refuses). */
export function parseIcs(text: string): { timezones: string[]; events: ParsedEvent[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ics-'));
  try {
    const file = join(dir, 'feed.ics');
    writeFileSync(file, text);
    return JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
