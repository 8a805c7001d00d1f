import type { FieldDef } from '../../definition.ts';

/** One measured or specified value: metric, value and unit (converted for comparisons). */
export const specificationRow: FieldDef<'equipment_metric' | 'unit'> = {
  type: 'object',
  label: { en: 'Specification', fr: 'Spécification', de: 'Spezifikation' },
  fields: {
    metric: {
      type: 'code',
      codeList: 'equipment_metric',
      label: { en: 'Metric', fr: 'Mesure', de: 'Kennzahl' },
      required: true,
    },
    value: { type: 'number', label: { en: 'Value', fr: 'Valeur', de: 'Wert' }, required: true },
    unit: {
      type: 'code',
      codeList: 'unit',
      label: { en: 'Unit', fr: 'Unité', de: 'Einheit' },
      required: true,
    },
  },
};
