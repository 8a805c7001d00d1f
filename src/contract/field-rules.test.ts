import { describe, expect, it } from 'vitest';
import { defineKind, type FieldDef, type KindName } from '../registry/definition.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { dataSchemaOf } from './field-rules.ts';

const l = (en: string) => ({ en, fr: en, de: en });
const fields: Record<string, FieldDef> = {
  start: { type: 'date', label: l('Start') },
  end: { type: 'date', label: l('End'), notBefore: 'start' },
};

describe('field rules: dates in order (notBefore)', () => {
  it('refuses an end before its start, with the start named; equal dates and a missing one pass', () => {
    const schema = dataSchemaOf(fields, ['DE']);
    const bad = schema.safeParse({ start: '2026-03-02', end: '2026-03-01' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['end', 'End: on or after the start (2026-03-02)'],
    ]);
    expect(schema.safeParse({ start: '2026-03-02', end: '2026-03-02' }).success).toBe(true);
    expect(schema.safeParse({ end: '2020-01-01' }).success).toBe(true);
  });

  it('applies inside lists of objects too', () => {
    const schema = dataSchemaOf(
      { periods: { type: 'list', label: l('Periods'), of: { type: 'object', fields } } },
      ['DE'],
    );
    const r = schema.safeParse({ periods: [{ start: '2026-01-02', end: '2026-01-01' }] });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['periods.0.end']);
  });

  it('a definition whose notBefore names no date field beside it is refused', () => {
    expect(() =>
      defineKind({
        ...KINDS[0]!,
        name: 'dates_test' as KindName,
        fields: { ...KINDS[0]!.fields, end: { type: 'date', label: l('End'), notBefore: 'begin' } },
      }),
    ).toThrow(/notBefore "begin" is not a date field beside it/);
  });
});

describe('field rules: one of two (requiredUnless)', () => {
  const either: Record<string, FieldDef> = {
    meeting: { type: 'text', label: l('Meeting'), requiredUnless: 'lesson' },
    lesson: { type: 'text', label: l('Lesson learned'), requiredUnless: 'meeting' },
  };

  it('refuses neither, naming both; either one or both pass', () => {
    const schema = dataSchemaOf(either, ['DE']);
    const bad = schema.safeParse({ meeting: null });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['meeting', 'Meeting: required when no lesson learned is given'],
      ['lesson', 'Lesson learned: required when no meeting is given'],
    ]);
    expect(schema.safeParse({ meeting: 'M1' }).success).toBe(true);
    expect(schema.safeParse({ lesson: 'L1' }).success).toBe(true);
    expect(schema.safeParse({ meeting: 'M1', lesson: 'L1' }).success).toBe(true);
  });

  it('a definition whose requiredUnless names no other optional field beside it is refused', () => {
    expect(() =>
      defineKind({
        ...KINDS[0]!,
        name: 'either_test' as KindName,
        fields: { ...KINDS[0]!.fields, x: { type: 'text', label: l('X'), requiredUnless: 'nowhere' } },
      }),
    ).toThrow(/requiredUnless "nowhere" must name another optional field beside it/);
  });
});
