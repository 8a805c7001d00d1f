import { describe, expect, it } from 'vitest';
import { dataToForm, formToData, validate } from '../../web/src/registry/form-values.ts';
import type { DescribedField } from '../contract/registry-kinds.ts';
import { describeFields } from './field-schema.ts';
import { KINDS } from './kinds/index.ts';
import { parseData } from './record-validation.ts';

/**
 * The web app's record forms (web/src/registry/form-values.ts) on the real kind definitions: what
 * a form sends is what the server stores, and a form refuses what the server refuses, with the
 * same messages. A server test, so that the web app's own tests import nothing of the server.
 */

const kind = (name: string) => KINDS.find((k) => k.name === name)!;
const fields = (name: string) => describeFields(kind(name)) as DescribedField[];
const COUNTRIES = ['AT', 'DE', 'EL', 'FR'];
const required = (p: string) => `${p}: required`;
const model = '00000000-0000-4000-8000-000000000001';

describe("the web app's registry forms", () => {
  it('typed form values become the data the server stores, and back', () => {
    const f = fields('tender');
    const form = dataToForm(f, {});
    Object.assign(form, {
      reference: ' T-1 ',
      title: 'Scanners',
      cpv_codes: ['38582000-7', ''],
      category: 'nii',
      procedure_type: 'open',
      status: 'planned',
      lots: '2',
      estimated_value: { amount: '4500000', currency: 'eur' },
    });
    const data = formToData(f, form);
    expect(data).toEqual({
      reference: 'T-1',
      title: 'Scanners',
      cpv_codes: ['38582000-7'],
      category: 'nii',
      procedure_type: 'open',
      status: 'planned',
      lots: 2,
      estimated_value: { amount: 4_500_000, currency: 'EUR' },
    });
    expect(validate(f, COUNTRIES, data, required)).toEqual({});
    expect(formToData(f, dataToForm(f, data))).toEqual(data);
  });

  it('a meeting: moments typed in the reader’s own time become UTC, and back; time zones and people as the server checks them', () => {
    const f = fields('meeting');
    const person = '00000000-0000-4000-8000-000000000002';
    const data = formToData(f, {
      ...dataToForm(f, {}),
      title: 'Board',
      body: 'management_board',
      starts_at: '2031-03-10T09:30',
      ends_at: '2031-03-10T12:00',
      time_zone: 'Europe/Brussels',
      participants: [person],
    });
    expect(data.starts_at).toBe(new Date(2031, 2, 10, 9, 30).toISOString().replace('.000Z', 'Z'));
    expect(parseData(kind('meeting'), data)).toEqual({ ok: true, data });
    expect(validate(f, COUNTRIES, data, required)).toEqual({});
    expect(dataToForm(f, data).starts_at).toBe('2031-03-10T09:30');
    const bad = { ...data, time_zone: 'Europe/Atlantis', ends_at: '2031-03-09T08:00:00Z' };
    const errors = validate(f, COUNTRIES, bad, required);
    expect(errors.time_zone).toMatch(/time zone name such as Europe\/Brussels/);
    expect(errors.ends_at).toMatch(/on or after the starts/);
    const server = parseData(kind('meeting'), bad);
    expect(server.ok ? [] : server.errors.map((e) => e.field).sort()).toEqual(['ends_at', 'time_zone']);
  });

  it('refuses what the server refuses, with the same messages, by field path', () => {
    const f = fields('equipment_item');
    const data = formToData(f, {
      ...dataToForm(f, {}),
      inventory_ref: 'A',
      model,
      category: 'nii',
      quantity: 'lots',
      country: 'XX',
      year_acquired: '1800.5',
      sites: [{ label: 'Port', lat: '95', lon: '10' }],
    });
    const client = validate(f, COUNTRIES, data, required);
    const server = parseData(kind('equipment_item'), data);
    expect(server.ok).toBe(false);
    if (server.ok) return;
    expect(Object.keys(client).sort()).toEqual(server.errors.map((e) => e.field).sort());
    expect(client.quantity).toBe('Quantity: a number');
    expect(client.country).toMatch(/Member State code/);
    expect(client['sites.0.lat']).toBeDefined();
  });

  it('a missing required value is named as such; an empty required list needs one entry', () => {
    const f = fields('requirement_set');
    const errors = validate(f, COUNTRIES, formToData(f, dataToForm(f, {})), required);
    expect(errors.title).toBe('title: required');
    const filled = { ...dataToForm(f, {}), title: 'T', category: 'nii', version_label: '1' };
    expect(validate(f, COUNTRIES, formToData(f, filled), required)).toEqual({
      requirements: 'Requirements: at least one entry',
    });
  });
});
