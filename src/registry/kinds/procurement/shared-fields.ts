import type { FieldDef } from '../../definition.ts';

/** One measured or specified value: metric, value and unit (converted for comparisons). */
export const specificationRow: FieldDef = {
  type: 'object',
  label: 'Specification',
  fields: {
    metric: { type: 'code', codeList: 'equipment_metric', label: 'Metric', required: true },
    value: { type: 'number', label: 'Value', required: true },
    unit: { type: 'code', codeList: 'unit', label: 'Unit', required: true },
  },
};
