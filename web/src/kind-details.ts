/**
 * A kind's details in the entry editor, through the same schema-form generator as module records:
 * its fields (named "details.<key>", as the server names their errors), a stored details object
 * into the form's values, and the values back, laid over the stored object so that what the form
 * does not show (a leave's decision, say) is kept.
 */
import { fieldsOf, patchOf, valuesOf, type FormField, type FormValues } from './schema-form';

type Details = Record<string, unknown>;

export function detailFieldsOf(detailsJsonSchema: Record<string, unknown>): FormField[] {
  return fieldsOf(detailsJsonSchema as Parameters<typeof fieldsOf>[0], ['details']);
}

/**
 * The form's values for `details`, a field the details lack showing the schema's default (a new
 * community event is public): a checkbox left unticked would otherwise send false.
 */
export function detailValuesOf(fields: FormField[], details: Details, zone: string, detailsJsonSchema: Record<string, unknown> = {}): FormValues {
  const properties = (detailsJsonSchema.properties ?? {}) as Record<string, { default?: unknown }>;
  const defaults = Object.fromEntries(Object.entries(properties).filter(([, p]) => p.default !== undefined).map(([key, p]) => [key, p.default]));
  return valuesOf(fields, { details: { ...defaults, ...details } }, zone);
}

/** The details to send: `stored` with each shown field set from the form, a cleared one left out. */
export function detailsFrom(fields: FormField[], values: FormValues, stored: Details, zone: string): Details {
  const body = patchOf(fields, values, { details: stored }, zone);
  return (body.details as Details | undefined) ?? stored;
}
