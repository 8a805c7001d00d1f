import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../../src/engines/questionnaire/index.ts';
import {
  boundLists,
  crosstabQuestions,
  entriesAt,
  formLanguage,
  numberQuestions,
  problemsByPath,
  setAnswer,
  valueLabel,
  withDefaults,
} from './form-model.ts';

const l = (en: string) => ({ en });
const q: Questionnaire = {
  format: 'eucab-questionnaire',
  id: 'f',
  title: 'F',
  version: '1',
  languages: [{ code: 'en', name: 'English' }, { code: 'French' }],
  defaultLanguage: 'en',
  choiceLists: {
    region: [{ name: 'a', label: l('A') }],
    f: [{ name: 'a', label: l('A'), binding: { list: 'arusha_factor', code: 'F1' } }],
  },
  items: [
    { type: 'integer', code: 'staff', label: l('Staff') },
    { type: 'select_one', code: 'region', label: l('Region'), choices: { list: 'region' } },
    {
      type: 'matrix',
      code: 'm',
      label: l('M'),
      rows: { codeList: 'competency' },
      columns: [{ type: 'scale', code: 'level', label: l('L'), min: 1, max: 5, step: 1 }],
    },
    {
      type: 'repeat',
      code: 'r',
      label: l('R'),
      items: [{ type: 'decimal', code: 'budget', label: l('B'), binding: { list: 'country', code: 'DE' } }],
    },
  ],
  leftOut: [],
};

describe('mapping form model', () => {
  it('follows the UI language by code or by name, else the default', () => {
    expect(formLanguage(q, 'en')).toBe('en');
    expect(formLanguage(q, 'fr')).toBe('French');
    expect(formLanguage(q, 'de')).toBe('en');
  });

  it('sets answers in repeat entries and matrix rows without touching the original', () => {
    const a0 = { staff: 3 };
    const a1 = setAnswer(a0, [{ container: 'r', key: 1 }], 'budget', 10);
    expect(a1).toEqual({ staff: 3, r: [{}, { budget: 10 }] });
    const a2 = setAnswer(a1, [{ container: 'm', key: 'C1' }], 'level', 4);
    expect(a2.m).toEqual({ C1: { level: 4 } });
    expect(a0).toEqual({ staff: 3 });
    expect(setAnswer(a2, [], 'staff', undefined)).not.toHaveProperty('staff');
    expect(entriesAt(a2, [], 'r')).toHaveLength(2);
  });

  it('lists bound code lists, number questions and cross-tab questions', () => {
    expect(boundLists(q)).toEqual(['arusha_factor', 'competency', 'country']);
    expect(numberQuestions(q).map((i) => i.code)).toEqual(['staff', 'level', 'budget']);
    expect(crosstabQuestions(q).map((i) => i.code)).toEqual(['region']);
  });

  it('joins the problems of one path', () => {
    expect(
      problemsByPath([
        { code: 'a', message: 'x' },
        { code: 'a', message: 'y' },
      ]).get('a'),
    ).toBe('x; y');
  });
});

describe('value labels', () => {
  it('names own choices and yes/no, and keeps unknown values', () => {
    const item = q.items[1];
    expect(valueLabel(q, item, 'a', 'en', { yes: 'Yes', no: 'No' })).toBe('A');
    expect(valueLabel(q, item, 'zz', 'en', { yes: 'Yes', no: 'No' })).toBe('zz');
    expect(
      valueLabel(q, { type: 'yes_no', code: 'y', label: l('Y') }, 'yes', 'en', { yes: 'Oui', no: 'Non' }),
    ).toBe('Oui');
  });
});

describe('defaults', () => {
  it('fill unanswered questions of a level with their typed XLSForm default', () => {
    const items: Questionnaire['items'] = [
      {
        type: 'group',
        code: 'g',
        label: l('G'),
        items: [
          { type: 'decimal', code: 'budget', label: l('B'), default: '1.5' },
          { type: 'yes_no', code: 'ok', label: l('OK'), default: 'yes' },
        ],
      },
      { type: 'select_multiple', code: 'tools', label: l('T'), choices: { list: 'region' }, default: 'a b' },
      { type: 'integer', code: 'staff', label: l('S'), default: 'many' },
    ];
    expect(withDefaults(items, { budget: 2 })).toEqual({ budget: 2, ok: true, tools: ['a', 'b'] });
  });
});
