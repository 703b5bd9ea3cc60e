import { z } from 'zod';
import { daysFromCivil, MS_PER_DAY } from '../time/civil.js';
import { formatLocalDate, localFromWallMs, localToEpochMs, parseLocalDate } from '../time/local.js';
import { resolveWallMs } from '../time/wall-clock.js';
import type { LocalDateTime, Zone } from '../time/zone.js';
import { parseRrule, WEEKDAYS, type ParsedRule } from './rrule-parse.js';
import type { LocalDate, RecurrenceValue } from './types.js';

/**
 * The structured recurrence form of the plan (RecurringEventPattern): what a person picks in the
 * editor. It maps to RRULE and back; rules it cannot say come back as null ("custom").
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const weekday = z.number().int().min(1).max(7); // 1 = Monday … 7 = Sunday, as the plan numbers them

export const RecurrenceFormSchema = z
  .object({
    recurrenceType: z.enum(['daily', 'weekly', 'monthly', 'yearly']),
    interval: z.number().int().min(1).max(999).default(1),
    /** weekly: the days; daily: limits to these days ("every weekday"). */
    byWeekday: z.array(weekday).max(7).default([]),
    /** monthly/yearly: day of month, -1 = last day. Ignored when bySetpos is given. */
    byMonthday: z.number().int().min(-1).max(31).refine((n) => n !== 0, 'day 0 does not exist').nullable().default(null),
    /** monthly/yearly: relative position, e.g. { position: 1, weekday: 1 } = first Monday, -1 = last. */
    bySetpos: z.object({ position: z.number().int().min(-1).max(5).refine((n) => n !== 0), weekday }).nullable().default(null),
    /** yearly: the month (defaults to the start's month). */
    byMonth: z.number().int().min(1).max(12).nullable().default(null),
    count: z.number().int().min(1).max(10_000).nullable().default(null),
    /** last date (inclusive) an occurrence may fall on, in the series' zone. */
    untilDate: isoDate.nullable().default(null),
    exceptionDates: z.array(isoDate).default([]),
  })
  .refine((f) => f.count === null || f.untilDate === null, { message: 'give either count or untilDate, not both', path: ['untilDate'] });

export type RecurrenceForm = z.infer<typeof RecurrenceFormSchema>;
export type RecurrenceFormInput = z.input<typeof RecurrenceFormSchema>;

/** Where the series starts: needed to turn an end date and exception dates into instants. */
export interface SeriesContext {
  readonly start: LocalDateTime | LocalDate;
  readonly allDay: boolean;
  readonly zone: Zone | null;
}

const code = (wd: number) => WEEKDAYS[wd - 1]!;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const timeOfDayMs = (ctx: SeriesContext) =>
  ctx.allDay ? 0 : localToEpochMs(ctx.start as LocalDateTime) - daysFromCivil(ctx.start.year, ctx.start.month, ctx.start.day) * MS_PER_DAY;

function untilValue(date: string, ctx: SeriesContext): string {
  const d = parseLocalDate(date);
  if (ctx.allDay) return `${d.year}${pad(d.month)}${pad(d.day)}`;
  // The last second of that local day, as UTC (RFC 5545 wants UTC when DTSTART has a TZID).
  const wall = (daysFromCivil(d.year, d.month, d.day) + 1) * MS_PER_DAY - 1000;
  const epoch = ctx.zone ? resolveWallMs(wall, (t) => ctx.zone!.offsetMsAt(t)) : wall;
  const u = localFromWallMs(epoch);
  return `${u.year}${pad(u.month)}${pad(u.day)}T${pad(u.hour)}${pad(u.minute)}${pad(u.second)}${ctx.zone ? 'Z' : ''}`;
}

/** Form → RRULE value (no "RRULE:") plus the EXDATE values for its exception dates. */
export function recurrenceFormToRrule(input: RecurrenceFormInput, ctx: SeriesContext): { rrule: string; exdate: RecurrenceValue[] } {
  const f = RecurrenceFormSchema.parse(input);
  const parts = [`FREQ=${f.recurrenceType.toUpperCase()}`];
  if (f.interval !== 1) parts.push(`INTERVAL=${f.interval}`);
  const days = [...new Set(f.byWeekday)].sort().map(code);
  if ((f.recurrenceType === 'weekly' || f.recurrenceType === 'daily') && days.length) parts.push(`BYDAY=${days.join(',')}`);
  if (f.recurrenceType === 'monthly' || f.recurrenceType === 'yearly') {
    if (f.recurrenceType === 'yearly') parts.push(`BYMONTH=${f.byMonth ?? ctx.start.month}`);
    if (f.bySetpos) parts.push(`BYDAY=${f.bySetpos.position}${code(f.bySetpos.weekday)}`);
    else parts.push(`BYMONTHDAY=${f.byMonthday ?? ctx.start.day}`);
  }
  if (f.count !== null) parts.push(`COUNT=${f.count}`);
  if (f.untilDate !== null) parts.push(`UNTIL=${untilValue(f.untilDate, ctx)}`);
  const tod = timeOfDayMs(ctx);
  const exdate: RecurrenceValue[] = [...new Set(f.exceptionDates)].sort().map((text) => {
    const d = parseLocalDate(text);
    if (ctx.allDay) return { kind: 'date', value: d };
    return { kind: 'local', value: localFromWallMs(daysFromCivil(d.year, d.month, d.day) * MS_PER_DAY + tod) };
  });
  return { rrule: parts.join(';'), exdate };
}

/**
 * RRULE (+ EXDATE) → form, or null when the form cannot express the rule (or an exception is
 * not at the series' time of day). For every rule the form can say, the round trip gives back the
 * same recurrence set (UNTIL is normalised to the end of its local day).
 */
export function rruleToRecurrenceForm(rrule: string, ctx: SeriesContext, exdate: readonly RecurrenceValue[] = []): RecurrenceForm | null {
  let r: ParsedRule;
  try {
    r = parseRrule(rrule);
  } catch {
    return null;
  }
  if (r.rscale || r.bySecond || r.byMinute || r.byHour || r.byYearDay || r.byWeekNo) return null;
  if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(r.freq)) return null;
  const type = r.freq.toLowerCase() as RecurrenceForm['recurrenceType'];
  const form: RecurrenceForm = {
    recurrenceType: type, interval: r.interval, byWeekday: [], byMonthday: null, bySetpos: null, byMonth: null,
    count: r.count, untilDate: null, exceptionDates: [],
  };
  const plain = r.byDay?.every((d) => d.n === 0) ?? false;
  if (type === 'daily' || type === 'weekly') {
    if (r.byMonth || r.byMonthDay || r.bySetPos || (r.byDay && !plain)) return null;
    form.byWeekday = (r.byDay ?? []).map((d) => d.weekday + 1);
    // WKST only matters for weeks of INTERVAL > 1 with several days; the form assumes Monday.
    if (type === 'weekly' && r.wkst !== 0 && r.interval > 1 && form.byWeekday.length > 1) return null;
  } else {
    if (type === 'monthly' && r.byMonth) return null;
    if (type === 'yearly') {
      if (r.byMonth && r.byMonth.length !== 1) return null;
      // Without BYMONTH, BYMONTHDAY means every month and a numbered BYDAY counts in the year.
      if (!r.byMonth && (r.byMonthDay || r.byDay)) return null;
      form.byMonth = r.byMonth?.[0] ?? ctx.start.month;
    }
    const relative = relativeOf(r);
    if (relative === undefined) return null;
    if (relative) form.bySetpos = relative;
    else if (r.byMonthDay) {
      if (r.byMonthDay.length !== 1 || r.byMonthDay[0]! < -1) return null;
      form.byMonthday = r.byMonthDay[0]!;
    } else if (r.byDay || r.bySetPos) return null;
    else if (type === 'yearly' && r.byMonth && r.byMonth[0] !== ctx.start.month) return null;
    else form.byMonthday = ctx.start.day;
  }
  if (r.until) {
    const u = r.until;
    if (u.kind === 'date') form.untilDate = formatLocalDate(u.value);
    else {
      const epoch = u.kind === 'instant' ? u.epochMs : localToEpochMs(u.value);
      const offset = u.kind === 'instant' && ctx.zone ? ctx.zone.offsetMsAt(epoch) : 0;
      const wall = epoch + offset;
      let day = Math.floor(wall / MS_PER_DAY);
      // An occurrence on UNTIL's own day but after it is not in the set: end the day before.
      if (wall - day * MS_PER_DAY < timeOfDayMs(ctx)) day--;
      form.untilDate = formatLocalDate(localFromWallMs(day * MS_PER_DAY));
    }
  }
  const tod = timeOfDayMs(ctx);
  for (const v of exdate) {
    const wall = v.kind === 'date' ? daysFromCivil(v.value.year, v.value.month, v.value.day) * MS_PER_DAY + tod
      : v.kind === 'local' ? localToEpochMs(v.value) : v.epochMs + (ctx.zone?.offsetMsAt(v.epochMs) ?? 0);
    if (((wall % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY !== tod) return null;
    form.exceptionDates.push(formatLocalDate(localFromWallMs(wall)));
  }
  return form;
}

/** `BYDAY=-1FR` or `BYDAY=FR;BYSETPOS=-1` → { position, weekday }; null = not relative; undefined = inexpressible. */
function relativeOf(r: ParsedRule): { position: number; weekday: number } | null | undefined {
  if (!r.byDay) return r.bySetPos ? undefined : null;
  if (r.byMonthDay || r.byDay.length !== 1) return undefined;
  const [d] = r.byDay as [{ weekday: number; n: number }];
  const position = d.n !== 0 ? d.n : r.bySetPos?.length === 1 ? r.bySetPos[0]! : NaN;
  if (d.n !== 0 && r.bySetPos) return undefined;
  if (!(position === -1 || (position >= 1 && position <= 5))) return undefined;
  return { position, weekday: d.weekday + 1 };
}

