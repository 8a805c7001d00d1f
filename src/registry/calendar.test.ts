import { describe, expect, it } from 'vitest';
import { CALENDAR_DATES } from '../modules/registry/calendar.ts';
import { KINDS } from './kinds/index.ts';

describe('registry dates in the calendar', () => {
  it('name date fields of kinds that exist', () => {
    for (const d of CALENDAR_DATES) {
      const kind = KINDS.find((k) => k.name === d.kind);
      expect(kind, d.kind).toBeDefined();
      for (const f of [d.start, ...(d.end ? [d.end] : [])])
        expect(kind!.fields[f]?.type, `${d.kind}.${f}`).toBe('date');
    }
    expect(CALENDAR_DATES.map((d) => `${d.kind}.${d.start}`)).toEqual(
      expect.arrayContaining(['tender.submission_deadline', 'field_test.start_date']),
    );
  });
});
