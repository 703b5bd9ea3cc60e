/**
 * A form from a record type's JSON Schema (GET /api/v1/modules/{module}/{type}/schema): one field per
 * property (nested objects one level down, as "details.leaveType"), and the values back into a body.
 */
export type FieldKind = 'text' | 'textarea' | 'date' | 'datetime' | 'number' | 'checkbox' | 'select' | 'list';

export interface FormField {
  path: string[];
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  options: string[];
}

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

const SKIP = new Set(['id', 'decidedById', 'decidedAt', 'createdById']);

export const labelOf = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/Id$/, ' id').replace(/^./, (c) => c.toUpperCase());

/** The non-null branch of `X | null`. */
function unwrap(s: JsonSchema): JsonSchema {
  return s.anyOf?.find((b) => b.type !== 'null') ?? s;
}

function kindOf(s: JsonSchema): FieldKind | null {
  if (s.enum) return 'select';
  if (s.type === 'boolean') return 'checkbox';
  if (s.type === 'number' || s.type === 'integer') return 'number';
  if (s.type === 'array') return unwrap(s.items ?? {}).type === 'string' ? 'list' : null;
  if (s.type === 'string') return s.format === 'date' ? 'date' : s.format === 'date-time' ? 'datetime' : (s.maxLength ?? 0) > 2000 ? 'textarea' : 'text';
  return null;
}

export function fieldsOf(schema: JsonSchema, prefix: string[] = []): FormField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([key, raw]) => {
    if (SKIP.has(key)) return [];
    const s = unwrap(raw);
    const path = [...prefix, key];
    if (s.type === 'object' && s.properties && prefix.length === 0) return fieldsOf(s, path);
    const kind = kindOf(s);
    if (!kind) return [];
    return [{ path, name: path.join('.'), label: labelOf(key), kind, required: required.has(key), options: (s.enum ?? []).map(String) }];
  });
}

/** Filled values → the POST body: empty optional fields are left out (the server's defaults apply). */
export function bodyOf(fields: FormField[], values: Record<string, string | boolean>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    let out: unknown;
    if (f.kind === 'checkbox') out = v === true ? true : f.required ? false : undefined;
    else if (typeof v !== 'string' || v.trim() === '') out = undefined;
    else if (f.kind === 'number') out = Number(v);
    else if (f.kind === 'list') out = v.split(',').map((x) => x.trim()).filter(Boolean);
    else if (f.kind === 'datetime') out = v.length === 16 ? `${v}:00Z` : v;
    else out = v.trim();
    if (out === undefined) continue;
    let target = body;
    for (const key of f.path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[f.path.at(-1)!] = out;
  }
  return body;
}
