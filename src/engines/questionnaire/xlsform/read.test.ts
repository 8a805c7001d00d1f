// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
import { describe, expect, it } from 'vitest';
import { indexItems, type Questionnaire } from '../model.ts';
import { readXlsForm } from './read.ts';
import { workbook } from './test-workbook.ts';

const item = (q: Questionnaire | undefined, code: string) => indexItems(q!).get(code)?.item;

describe('readXlsForm', () => {
  it('reads a form with groups, repeats, languages, choices, logic and every basic type', async () => {
    const file = await workbook({
      survey: [
        [
          'type',
          'name',
          'label::English (en)',
          'label::Français (fr)',
          'hint::English (en)',
          'required',
          'relevant',
          'constraint',
          'constraint_message::English (en)',
          'calculation',
          'appearance',
          'choice_filter',
          'repeat_count',
          'parameters',
          'default',
        ],
        ['start', 'start', null, null, null, null, null, null, null, null, null, null, null, null, null],
        ['today', 'today', null, null, null, null, null, null, null, null, null, null, null, null, null],
        [
          'begin group',
          'general',
          'General',
          'Général',
          null,
          null,
          null,
          null,
          null,
          null,
          'field-list',
          null,
          null,
          null,
          null,
        ],
        [
          'select_one country',
          'country',
          'Country',
          'Pays',
          'Your administration',
          'yes',
          null,
          null,
          null,
          null,
          'minimal',
          null,
          null,
          null,
          null,
        ],
        [
          'select_one region',
          'region',
          'Region',
          'Région',
          null,
          'true()',
          null,
          null,
          null,
          null,
          null,
          'country=${country}',
          null,
          null,
          null,
        ],
        [
          'integer',
          'staff',
          'Staff',
          'Personnel',
          null,
          true,
          null,
          '. >= 0 and . < 100000',
          'Between 0 and 99999',
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          'decimal',
          'budget',
          'Budget (M€)',
          'Budget (M€)',
          null,
          'TRUE',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          '0',
        ],
        [
          'select_multiple tools',
          'tools',
          'Tools',
          'Outils',
          null,
          'no',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          'select_one tools or_other',
          'main_tool',
          'Main tool',
          'Outil principal',
          null,
          null,
          'count-selected(${tools}) > 0',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        ['end group', null, null, null, null, null, null, null, null, null, null, null, null, null, null],
        [
          'begin_repeat',
          'initiatives',
          'Initiatives',
          'Initiatives',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          'text',
          'title',
          'Title',
          'Titre',
          null,
          'yes',
          null,
          'string-length(.) <= 200',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          'date',
          'started',
          'Start',
          'Début',
          null,
          null,
          null,
          '. <= today()',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          'range',
          'maturity',
          'Maturity',
          'Maturité',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          'start=1 end=5 step=1',
          null,
        ],
        ['end_repeat', null, null, null, null, null, null, null, null, null, null, null, null, null, null],
        [
          'calculate',
          'per_staff',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          'if(${staff} > 0, ${budget} div ${staff}, 0)',
          null,
          null,
          null,
          null,
          null,
        ],
        [
          'note',
          'thanks',
          'Thank you',
          'Merci',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          'geopoint',
          'office',
          'Office location',
          'Bureau',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          'image',
          'photo',
          'Photo',
          'Photo',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          'barcode',
          'seal',
          'Seal',
          'Scellé',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          'dateTime',
          'visit',
          'Visit',
          'Visite',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        ['time', 'opens', 'Opens', 'Ouvre', null, null, null, null, null, null, null, null, null, null, null],
      ],
      choices: [
        ['list_name', 'name', 'label::English (en)', 'label::Français (fr)', 'country'],
        ['country', 'fr', 'France', 'France', null],
        ['country', 'de', 'Germany', 'Allemagne', null],
        ['region', 'idf', 'Île-de-France', 'Île-de-France', 'fr'],
        ['region', 'by', 'Bavaria', 'Bavière', 'de'],
        ['tools', 'xray', 'X-ray', 'Rayons X', null],
        ['tools', 'dogs', 'Dogs', 'Chiens', null],
      ],
      settings: [
        ['form_title', 'form_id', 'version', 'default_language', 'instance_name'],
        ['Mapping 2025', 'mapping', '2025.1', 'English (en)', 'x'],
      ],
    });
    const r = await readXlsForm(file);
    expect(r.blocking).toEqual([]);
    const q = r.questionnaire!;
    expect(q.id).toBe('mapping');
    expect(q.title).toBe('Mapping 2025');
    expect(q.version).toBe('2025.1');
    expect(q.languages).toEqual([
      { code: 'en', name: 'English' },
      { code: 'fr', name: 'Français' },
    ]);
    expect(q.defaultLanguage).toBe('en');
    expect(q.items.map((i) => i.code)).toEqual([
      'general',
      'initiatives',
      'per_staff',
      'thanks',
      'office',
      'photo',
      'seal',
      'visit',
      'opens',
    ]);
    expect(item(q, 'country')).toEqual({
      type: 'select_one',
      code: 'country',
      label: { en: 'Country', fr: 'Pays' },
      hint: { en: 'Your administration' },
      required: true,
      choices: { list: 'country' },
    });
    expect(item(q, 'region')).toMatchObject({ required: true, choiceFilter: 'country=${country}' });
    expect(item(q, 'staff')).toMatchObject({
      required: true,
      constraint: '. >= 0 and . < 100000',
      constraintMessage: { en: 'Between 0 and 99999' },
    });
    expect(item(q, 'budget')).toMatchObject({ type: 'decimal', required: true, default: '0' });
    expect(item(q, 'tools')).not.toHaveProperty('required');
    expect(item(q, 'main_tool')).toMatchObject({ orOther: true, relevant: 'count-selected(${tools}) > 0' });
    expect(item(q, 'maturity')).toMatchObject({ type: 'scale', min: 1, max: 5, step: 1 });
    expect(item(q, 'per_staff')).toEqual({
      type: 'calculate',
      code: 'per_staff',
      label: {},
      calculation: 'if(${staff} > 0, ${budget} div ${staff}, 0)',
    });
    expect(item(q, 'photo')).toMatchObject({ type: 'file', media: 'image' });
    expect(item(q, 'seal')).toMatchObject({ type: 'text' });
    expect(item(q, 'visit')).toMatchObject({ type: 'datetime' });
    expect(q.choiceLists.region).toEqual([
      { name: 'idf', label: { en: 'Île-de-France', fr: 'Île-de-France' }, filters: { country: 'fr' } },
      { name: 'by', label: { en: 'Bavaria', fr: 'Bavière' }, filters: { country: 'de' } },
    ]);
    const reasons = r.warnings.map((w) => `${w.sheet}:${w.row}:${w.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'survey:1:presentation column "appearance" ignored',
        expect.stringMatching(/^survey:2:metadata "start" ignored/),
        expect.stringMatching(/^survey:3:metadata "today" ignored/),
        'survey:21:barcode read as a text question',
        'settings:1:column "instance_name" is not used by the platform: ignored',
      ]),
    );
  });

  it('accepts the spellings real tools write', async () => {
    const file = await workbook({
      survey: [
        ['Type', 'Name', 'Label', 'Constraint', 'Constraint Message', 'Required', 'Required Message'],
        ['begin_group', 'g', 'G', null, null, null, null],
        ['select one yn', 'ok', 'OK?', null, null, 'TRUE', 'Please answer'],
        ['select multiple yn', 'many', 'Many', null, null, 'true()', null],
        ['select all that apply yn', 'many2', 'Many 2', null, null, 'Yes', null],
        ['integer', 'n', 'N', '. > 0', 'Positive', null, null],
        ['end group', null, null, null, null, null, null],
      ],
      choices: [
        ['list name', 'name', 'label'],
        ['yn', 'yes', 'Yes'],
        ['yn', 'no', 'No'],
      ],
      settings: [
        ['form_id', 'default_language'],
        ['f', 'en'],
      ],
    });
    const r = await readXlsForm(file);
    expect(r.blocking).toEqual([]);
    const q = r.questionnaire!;
    expect(q.languages).toEqual([{ code: 'en' }]);
    expect(item(q, 'ok')).toMatchObject({
      type: 'select_one',
      required: true,
      requiredMessage: { en: 'Please answer' },
    });
    expect(item(q, 'many')).toMatchObject({ type: 'select_multiple', required: true });
    expect(item(q, 'many2')).toMatchObject({ type: 'select_multiple', required: true });
    expect(item(q, 'n')).toMatchObject({ constraint: '. > 0', constraintMessage: { en: 'Positive' } });
    expect(q.choiceLists.yn).toHaveLength(2);
  });

  it('reads plain labels without a default language as the "default" language, and label::en', async () => {
    const plain = await readXlsForm(
      await workbook({
        survey: [
          ['type', 'name', 'label'],
          ['text', 'a', 'A'],
        ],
      }),
    );
    expect(plain.questionnaire!.languages).toEqual([{ code: 'default' }]);
    expect(item(plain.questionnaire, 'a')!.label).toEqual({ default: 'A' });
    expect(plain.questionnaire!.id).toBe('form');
    const coded = await readXlsForm(
      await workbook({
        survey: [
          ['type', 'name', 'label::en', 'label::de'],
          ['text', 'a', 'A', 'Ä'],
        ],
      }),
      { id: 'upload' },
    );
    expect(coded.questionnaire!.languages).toEqual([{ code: 'en' }, { code: 'de' }]);
    expect(coded.questionnaire!.id).toBe('upload');
  });

  it("reads Kobo's matrix (begin_kobomatrix with kobo--matrix_list)", async () => {
    const file = await workbook({
      survey: [
        ['type', 'name', 'label', 'required', 'kobo--matrix_list'],
        ['begin_kobomatrix', 'M1', 'Items', null, 'assets'],
        ['select_one yn', 'Q1', 'Which assets do you have at home', 'TRUE', null],
        ['integer', 'Q2', 'Number of assets', 'TRUE', null],
        ['end_kobomatrix', null, null, null, null],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['assets', 'car', 'Car'],
        ['assets', 'bike', 'Bike'],
        ['yn', 'yes', 'Yes'],
        ['yn', 'no', 'No'],
      ],
      settings: [['style'], ['theme-grid no-text-transform']],
    });
    const r = await readXlsForm(file);
    expect(r.blocking).toEqual([]);
    expect(r.questionnaire!.items).toEqual([
      {
        type: 'matrix',
        code: 'M1',
        label: { default: 'Items' },
        rows: { list: 'assets' },
        columns: [
          {
            type: 'select_one',
            code: 'Q1',
            label: { default: 'Which assets do you have at home' },
            required: true,
            choices: { list: 'yn' },
          },
          { type: 'integer', code: 'Q2', label: { default: 'Number of assets' }, required: true },
        ],
      },
    ]);
  });

  it('lists every blocking item by sheet, row and reason, and imports without them on request', async () => {
    const file = await workbook({
      survey: [
        ['type', 'name', 'label', 'relevant', 'constraint'],
        ['text', 'name', 'Name', null, null],
        ['select_one_from_file offices.csv', 'office', 'Office', null, null],
        ['geotrace', 'route', 'Route', null, null],
        ['geoshape', 'area', 'Area', null, null],
        ['rank priorities', 'prio', 'Rank', null, null],
        ['integer', 'n', 'N', null, 'concat(., "x") != ""'],
        ['text', 'about_office', 'About the office', "${office} != ''", null],
        ['text', 'about_about', 'More', "${about_office} != ''", null],
        ['text', 'ok', 'OK', "${name} != ''", null],
        ['select_multiple_from_file x.csv', 'x', 'X', null, null],
        ['frobnicate', 'weird', 'Weird', null, null],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['priorities', 'a', 'A'],
      ],
    });
    const r = await readXlsForm(file);
    expect(r.questionnaire).toBeUndefined();
    expect(r.blocking.map((b) => [b.sheet, b.row, b.code])).toEqual([
      ['survey', 3, 'office'],
      ['survey', 4, 'route'],
      ['survey', 5, 'area'],
      ['survey', 6, 'prio'],
      ['survey', 7, 'n'],
      ['survey', 8, 'about_office'],
      ['survey', 11, 'x'],
      ['survey', 12, 'weird'],
    ]);
    expect(r.blocking.find((b) => b.code === 'n')!.reason).toContain('concat()');
    expect(r.blocking.find((b) => b.code === 'n')!.column).toBe('constraint');
    expect(r.blocking.find((b) => b.code === 'about_office')!.reason).toContain(
      '${office}, which is not imported',
    );
    expect(r.blocking.find((b) => b.code === 'weird')!.reason).toBe('unknown question type "frobnicate"');

    const w = await readXlsForm(file, { withoutBlocked: true });
    const q = w.questionnaire!;
    expect(q.items.map((i) => i.code)).toEqual(['name', 'ok']);
    expect(q.leftOut.map((l) => [l.row, l.code])).toEqual([
      [3, 'office'],
      [4, 'route'],
      [5, 'area'],
      [6, 'prio'],
      [7, 'n'],
      [8, 'about_office'],
      [9, 'about_about'],
      [11, 'x'],
      [12, 'weird'],
    ]);
    expect(w.blocking.length).toBe(9);
  });

  it('keeps a broken structure fatal even without blocked items', async () => {
    const unclosed = await workbook({
      survey: [
        ['type', 'name', 'label'],
        ['begin group', 'g', 'G'],
        ['text', 'a', 'A'],
      ],
    });
    const r = await readXlsForm(unclosed, { withoutBlocked: true });
    expect(r.questionnaire).toBeUndefined();
    expect(r.blocking).toEqual([{ sheet: 'survey', row: 2, reason: 'begin group without an end' }]);
    const stray = await workbook({
      survey: [
        ['type', 'name', 'label'],
        ['text', 'a', 'A'],
        ['end repeat', null, null],
      ],
    });
    expect((await readXlsForm(stray, { withoutBlocked: true })).blocking[0]).toMatchObject({
      row: 3,
      reason: '"end repeat" without a matching begin',
    });
    const noSurvey = await workbook({ choices: [['list_name', 'name', 'label']] });
    expect((await readXlsForm(noSurvey)).blocking[0]!.reason).toContain('no "survey" sheet');
    await expect(readXlsForm(new Uint8Array([1, 2, 3]))).rejects.toThrow(/not a readable .xlsx/);
  });

  it('reports form errors: missing list, duplicate names and choices, bad required, cycles', async () => {
    const file = await workbook({
      survey: [
        ['type', 'name', 'label', 'required', 'calculation'],
        ['select_one nolist', 'a', 'A', null, null],
        ['text', 'b', 'B', null, null],
        ['text', 'b', 'B again', null, null],
        ['text', 'c', 'C', "${b} = 'x'", null],
        ['calculate', 'x', null, null, '${y} + 1'],
        ['calculate', 'y', null, null, '${x} + 1'],
        ['select_one dup', 'd', 'D', null, null],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['dup', 'a', 'A'],
        ['dup', 'a', 'A2'],
      ],
    });
    const r = await readXlsForm(file);
    const got = r.blocking.map((b) => `${b.sheet}:${b.row}:${b.reason}`);
    expect(got).toEqual([
      'choices:3:choice "a" appears twice in list "dup"',
      'survey:2:the choice list "nolist" does not exist',
      'survey:4:the name "b" is already used in row 3',
      expect.stringMatching(/^survey:5:required must be yes\/no/),
      'survey:6:"x" depends on itself through calculations or relevance',
      'survey:7:"y" depends on itself through calculations or relevance',
    ]);
  });
});
