import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../engines/questionnaire/index.ts';
import { integrityInitiative } from '../../registry/kinds/integrity/integrity-initiative.kind.ts';
import { checkRecordMappings, entryData, type MappingCheckContext } from './record-mapping-check.ts';

const l = (en: string) => ({ en });
const q: Questionnaire = {
  format: 'eucab-questionnaire',
  id: 'f',
  title: 'F',
  version: '1',
  languages: [{ code: 'en' }],
  choiceLists: {
    stage: [
      { name: 'planned', label: l('Planned') },
      { name: 'ongoing', label: l('Ongoing') },
    ],
    type: [{ name: 'training', label: l('Training') }],
  },
  items: [
    { type: 'text', code: 'top', label: l('Top') },
    {
      type: 'repeat',
      code: 'items',
      label: l('Items'),
      items: [
        { type: 'text', code: 't', label: l('T'), required: true },
        { type: 'text', code: 's', label: l('S'), required: true },
        {
          type: 'select_multiple',
          code: 'f',
          label: l('F'),
          choices: { codeList: 'arusha_factor' },
          required: true,
        },
        { type: 'select_one', code: 'ty', label: l('Type'), choices: { list: 'type' }, required: true },
        { type: 'select_one', code: 'st', label: l('Stage'), choices: { list: 'stage' }, required: true },
        { type: 'select_one', code: 'st2', label: l('Stage'), choices: { list: 'stage' }, orOther: true },
        { type: 'date', code: 'd', label: l('Start'), required: true },
        { type: 'integer', code: 'n', label: l('N') },
        { type: 'text', code: 'maybe', label: l('Maybe'), relevant: 'today() > 0', required: true },
      ],
    },
  ],
  leftOut: [],
};
const ctx: MappingCheckContext = {
  kind: (name) => (name === 'integrity_initiative' ? integrityInitiative : undefined),
  codes: (list) =>
    new Set(
      list === 'integrity_initiative_stage'
        ? ['planned', 'ongoing', 'completed']
        : list === 'integrity_initiative_type'
          ? ['training']
          : [],
    ),
  memberStates: new Set(['AT', 'DE']),
};
const good = { t: 'title', s: 'summary', f: 'factors', ty: 'type', st: 'stage', d: 'start_date' };
const check = (fields: Record<string, string>, repeat = 'items') =>
  checkRecordMappings(q, [{ repeat, kind: 'integrity_initiative', fields }], ctx).map((p) => p.message);

describe('checkRecordMappings', () => {
  it('accepts a mapping whose types, code lists and required fields fit', () => {
    expect(check(good)).toEqual([]);
  });

  it('names every misfit', () => {
    expect(check({ ...good, n: 'title', t: 'contact' })[0]).toBe(
      'title: needs a text question (this one is integer)',
    );
    expect(check({ ...good, st: 'summary', s: 'stage' })).toEqual([
      'stage: needs a single-choice question whose choices are codes of the list (this one is text)',
      'summary: needs a text question (this one is select_one)',
    ]);
    expect(check({ ...good, st2: 'stage', st: 'contact' })).toContain(
      'stage: offers "other, specify", which is no code: remove or_other or map another question',
    );
    expect(check({ ...good, f: 'evidence' })).toContain(
      'evidence: a field of type list of url is not fed from questionnaire answers',
    );
    expect(check({ ...good, maybe: 'contact', t: 'contact' })).toContain('contact is already fed by "t"');
    // n is not required: it cannot feed the required title
    expect(check({ ...good, n: 'title', t: 'contact' })).toContain(
      'title is required in every integrity initiative: "n" must be a required question shown in every entry',
    );
    const { d: _d, ...noDate } = good;
    expect(check(noDate)).toEqual([
      'start_date is required in every integrity initiative: map a question to it',
    ]);
    expect(check({ ...noDate, maybe: 'start_date' })).toContain(
      'start_date: needs a date question (this one is text)',
    );
    expect(check(good, 'top')).toEqual(['"top" is not a repeat group at the top level of the form']);
    expect(check({ ...good, top: 'contact' })).toEqual(['"top" is not a question of the repeat group items']);
  });

  it('a required field must come from a question required in every entry', () => {
    expect(check({ ...good, t: 'contact', maybe: 'title' })).toEqual([
      'title is required in every integrity initiative: "maybe" must be a required question shown in every entry',
    ]);
  });
});

describe('entryData', () => {
  it('maps answered questions to fields, trimming text and leaving out empty answers', () => {
    expect(
      entryData(
        { repeat: 'items', kind: 'integrity_initiative', fields: good },
        { t: '  Alpha ', s: '', f: [], ty: 'training', n: 3 },
      ),
    ).toEqual({ title: 'Alpha', type: 'training' });
  });
});
