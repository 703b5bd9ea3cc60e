import { invalidField } from '../../http/problem.js';

/** An API instant (validated as ISO-8601 with offset by zod) as a Date, or 400 naming the field. */
export function parseInstantField(field: string, text: string): Date {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw invalidField(field, `${text} is not a date-time that exists`);
  return new Date(ms);
}

/** A window [start, end) from query parameters, at most `maxDays` long. */
export function parseWindow(start: string, end: string, maxDays = 366): { startMs: number; endMs: number } {
  const startMs = parseInstantField('start', start).getTime();
  const endMs = parseInstantField('end', end).getTime();
  if (endMs <= startMs) throw invalidField('end', 'must be after start');
  if (endMs - startMs > maxDays * 86_400_000) throw invalidField('end', `the window may span at most ${maxDays} days`, 422);
  return { startMs, endMs };
}
