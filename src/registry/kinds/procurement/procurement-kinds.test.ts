import { describe, expect, it } from 'vitest';
import { describeFields } from '../../field-schema.ts';
import { importKeyOf } from '../../record-data.ts';
import { parseData } from '../../record-validation.ts';
import { equipmentItem } from './equipment-item.kind.ts';
import { equipmentModel } from './equipment-model.kind.ts';
import { fieldTest } from './field-test.kind.ts';
import { requirementSet } from './requirement-set.kind.ts';
import { tender } from './tender.kind.ts';

const id = '00000000-0000-4000-8000-000000000001';

describe('procurement kinds: validation derived from the definitions', () => {
  it('accepts complete examples and drops empty optional values', () => {
    const m = parseData(equipmentModel, {
      manufacturer: 'M',
      model: 'X',
      category: 'nii',
      technology: 'ct',
      deployment: null,
      specifications: [{ metric: 'weight', value: 3, unit: 'kg' }],
    });
    expect(m).toEqual({
      ok: true,
      data: {
        manufacturer: 'M',
        model: 'X',
        category: 'nii',
        technology: 'ct',
        specifications: [{ metric: 'weight', value: 3, unit: 'kg' }],
      },
    });
    expect(
      parseData(equipmentItem, {
        inventory_ref: 'A',
        model: id,
        category: 'nii',
        quantity: 2,
        country: 'EL',
        sites: [{ label: 'Piraeus', lat: 37.9, lon: 23.6 }],
      }).ok,
    ).toBe(true);
    expect(
      parseData(fieldTest, {
        reference: 'F',
        title: 'T',
        model: id,
        category: 'nii',
        start_date: '2026-02-28',
        outcome: 'passed',
      }).ok,
    ).toBe(true);
  });

  it('reports each bad field with a reason a person can act on', () => {
    const r = parseData(equipmentItem, {
      inventory_ref: 'A',
      model: 'not-an-id',
      category: 'nii',
      quantity: 0,
      country: 'GR',
      year_acquired: 1800.5,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.errors.map((e) => [e.field, e.message]));
    expect(byField.model).toMatch(/id of a record/);
    expect(byField.quantity).toMatch(/at least 1/);
    expect(byField.country).toMatch(/Member State code/);
    expect(byField.year_acquired).toBeDefined();
  });

  it('refuses unknown fields, bad CPV codes, bad dates and an empty requirement list', () => {
    const t = parseData(tender, {
      reference: 'R',
      title: 'T',
      cpv_codes: ['38582000'],
      category: 'nii',
      procedure_type: 'open',
      status: 'open',
      publication_date: '2026-13-01',
      colour: 'red',
    });
    expect(t.ok).toBe(false);
    if (!t.ok) {
      const fields = t.errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['cpv_codes.0', 'publication_date', '(record)']));
    }
    const s = parseData(requirementSet, {
      title: 'S',
      category: 'nii',
      version_label: '1',
      requirements: [],
    });
    expect(s.ok).toBe(false);
  });

  it('import keys are case- and space-insensitive and need every key field', () => {
    expect(importKeyOf(equipmentModel, { manufacturer: ' Smiths ', model: 'HCV' })).toBe(
      importKeyOf(equipmentModel, { manufacturer: 'smiths', model: 'hcv' }),
    );
    expect(importKeyOf(equipmentModel, { manufacturer: 'Smiths' })).toBeNull();
  });

  it('describes its fields for forms (owner-only fields marked)', () => {
    const sites = describeFields(equipmentItem).find((f) => f.name === 'sites');
    expect(sites).toMatchObject({ type: 'list', visibleTo: 'owner' });
  });
});
