/**
 * An organisation's own participant fields for its reports (sex, sector, …): the definitions, and
 * the check of one participant's values against them. Pure, so the API and imports agree.
 */
export interface ReportFieldDefinition {
  key: string;
  label: string;
  type: 'text' | 'select' | 'number' | 'boolean';
  options: string[];
  required: boolean;
}

export type ReportValue = string | number | boolean;

export interface ReportFieldError {
  field: string;
  message: string;
}

export function checkReportValues(definitions: readonly ReportFieldDefinition[], values: Record<string, unknown>): ReportFieldError[] {
  const errors: ReportFieldError[] = [];
  const known = new Map(definitions.map((d) => [d.key, d]));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) errors.push({ field: `reportValues.${key}`, message: 'is not a report field of this organisation' });
  }
  for (const def of definitions) {
    const value = values[def.key];
    const field = `reportValues.${def.key}`;
    if (value === undefined || value === null || value === '') {
      if (def.required) errors.push({ field, message: `${def.label} is required` });
      continue;
    }
    const problem = problemWith(def, value);
    if (problem) errors.push({ field, message: problem });
  }
  return errors;
}

function problemWith(def: ReportFieldDefinition, value: unknown): string | null {
  switch (def.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 500 ? null : 'must be text of at most 500 characters';
    case 'select':
      return typeof value === 'string' && def.options.includes(value) ? null : `must be one of: ${def.options.join(', ')}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
  }
}
