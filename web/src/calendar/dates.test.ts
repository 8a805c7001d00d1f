import { describe, expect, it } from 'vitest';
import { addDays, daysOfItem, monthGrid, monthOf, shiftMonth } from './dates.ts';

describe('calendar dates', () => {
  it('lays a month out in whole weeks from Monday', () => {
    const june = monthGrid('2025-06'); // 1 June 2025 is a Sunday
    expect(june[0]![0]).toBe('2025-05-26');
    expect(june[0]![6]).toBe('2025-06-01');
    expect(june.at(-1)![6]).toBe('2025-07-06');
    expect(june.every((w) => w.length === 7)).toBe(true);
    expect(monthGrid('2021-02')).toHaveLength(4); // February 2021: Monday 1st to Sunday 28th
  });

  it('moves between months and reads the month of the address', () => {
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2025-01', -1)).toBe('2024-12');
    expect(monthOf('2025-13', new Date(2024, 2, 5))).toBe('2024-03');
    expect(monthOf('2025-07')).toBe('2025-07');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('puts a span on every day it covers within the range', () => {
    const span = { start: '2025-05-30', end: '2025-06-02', allDay: true };
    expect(daysOfItem(span, '2025-06-01', '2025-06-30')).toEqual(['2025-06-01', '2025-06-02']);
    expect(daysOfItem({ start: '2025-06-03', end: null, allDay: true }, '2025-06-01', '2025-06-02')).toEqual(
      [],
    );
  });
});
