/**
 * A form from a record type's JSON Schema (GET /api/v1/modules/{module}/{type}/schema): one field per
 * property (nested objects one level down, as "details.leaveType"), a stored record into the form's
 * values, and the values back into a POST body or a PATCH of an existing record. Date-times are
 * typed as wall times in the user's zone.
 */
import { isoToWall, wallToIso } from './times';

export type FieldKind = 'text' | 'textarea' | 'date' | 'datetime' | 'number' | 'checkbox' | 'select' | 'list';

export interface FormField {
  path: string[];
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** The schema takes null: clearing the field sends null, which clears the stored value. */
  nullable: boolean;
  options: string[];
}

export type FormValues = Record<string, string | boolean>;

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
    const nullable = Boolean(raw.anyOf?.some((b) => b.type === 'null')) || (Array.isArray(raw.type) && raw.type.includes('null'));
    const path = [...prefix, key];
    if (s.type === 'object' && s.properties && prefix.length === 0) return fieldsOf(s, path);
    const kind = kindOf(s);
    if (!kind) return [];
    return [{ path, name: path.join('.'), label: labelOf(key), kind, required: required.has(key), nullable, options: (s.enum ?? []).map(String) }];
  });
}

/** One filled value as the API takes it; undefined when the field is empty. */
function valueOf(f: FormField, v: string | boolean | undefined, zone: string): unknown {
  if (f.kind === 'checkbox') return v === true;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  if (f.kind === 'number') return Number(v);
  if (f.kind === 'list') return v.split(',').map((x) => x.trim()).filter(Boolean);
  if (f.kind === 'datetime') return wallToIso(v, zone);
  return v.trim();
}

function put(target: Record<string, unknown>, path: string[], value: unknown) {
  for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete target[path.at(-1)!];
  else target[path.at(-1)!] = value;
}

/** Filled values → the POST body: empty optional fields are left out (the server's defaults apply). */
export function bodyOf(fields: FormField[], values: FormValues, zone = 'UTC'): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const out = valueOf(f, values[f.name], zone);
    if (f.kind === 'checkbox' && out === false && !f.required) continue;
    if (out !== undefined) put(body, f.path, out);
  }
  return body;
}

/** A stored record → the form's values (date-times as wall times in `zone`, lists comma-separated). */
export function valuesOf(fields: FormField[], data: Record<string, unknown>, zone = 'UTC'): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    let v: unknown = data;
    for (const key of f.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
    if (v === undefined || v === null) continue;
    if (f.kind === 'checkbox') values[f.name] = v === true;
    else if (f.kind === 'list' && Array.isArray(v)) values[f.name] = v.map(String).join(', ');
    else if (f.kind === 'datetime' && typeof v === 'string') values[f.name] = isoToWall(v, zone);
    else values[f.name] = String(v);
  }
  return values;
}

/**
 * The PATCH body of an edited record. The server replaces each top-level field given, so a nested
 * object (details) is sent whole: the stored one with the form's fields laid over it, keeping what
 * the form does not show. A cleared field is sent as null when the schema takes null; a cleared
 * nested field is dropped (its default applies); a cleared top-level one that takes no null stays.
 */
export function patchOf(fields: FormField[], values: FormValues, stored: Record<string, unknown>, zone = 'UTC'): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.path.length > 1 && body[f.path[0]!] === undefined) {
      const nested = stored[f.path[0]!];
      body[f.path[0]!] = nested && typeof nested === 'object' ? { ...(nested as Record<string, unknown>) } : {};
    }
    const out = valueOf(f, values[f.name], zone);
    put(body, f.path, out === undefined && f.nullable ? null : out);
  }
  return body;
}
