/**
 * Array parameters written as PostgreSQL array literals in one go. node-postgres escapes an array
 * element by element, and a Date through its own local-time formatting: for the hundreds of ids and
 * instants of a resource search that was a visible share of the request. And unlike JSON read by
 * jsonb_to_recordset (always guessed at 100 rows), `unnest` of a parameter tells the planner how
 * many elements there are, so joining a few to a large table probes its index.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{id,id,…}` for `$n::uuid[]`; ids are checked, as they are spliced into the literal. */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new TypeError(`not a uuid: ${id}`);
  return `{${ids.join(',')}}`;
}

/** For `$n::text[]`: every element quoted, backslashes and double quotes escaped; null as NULL. */
export function textArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/** `{2027-03-01T00:00:00.000Z,…}` for `$n::timestamptz[]`, from epoch milliseconds. */
export function timestampArray(instants: readonly number[]): string {
  return `{${instants.map((ms) => new Date(ms).toISOString()).join(',')}}`;
}
