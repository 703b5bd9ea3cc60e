import { expandRecurrence, validateRrule } from '../recurrence/index.js';
import { daysFromCivil, daysInMonth, fixedOffsetZone, localToEpochMs, MS_PER_DAY, resolveWallClock, weekdayOfDays, type LocalDateTime, type Zone } from '../time/index.js';
import { prop, props, type IcsComponent } from './components.js';
import { IcsError } from './errors.js';
import { parseTime, parseTimeValue, parseUtcOffset, splitList } from './values.js';
import { parseYearlyTransitionRule, type YearlyTransitionRule } from './vtimezone-rule.js';

interface Observance {
  readonly offsetFrom: number;
  readonly offsetTo: number;
  /** DTSTART as wall-clock ms (the wall clock read as if UTC). */
  readonly startWall: number;
  readonly startYear: number;
  readonly timeOfDayMs: number;
  readonly startMonth: number;
  readonly startDay: number;
  readonly rule: YearlyTransitionRule | null;
  /** A rule outside the yearly month/weekday shape, expanded by the recurrence engine. */
  readonly generalRule: string | null;
  readonly startLocal: LocalDateTime;
  /** Onsets from RDATE (and DTSTART when there is no rule), as UTC instants. */
  readonly fixedOnsets: readonly number[];
}

interface Transition {
  readonly at: number;
  readonly offset: number;
}

/**
 * A Zone defined only by a file's VTIMEZONE (Outlook's "Customized Time Zone" and the like):
 * STANDARD/DAYLIGHT observances with TZOFFSETFROM/TO, a yearly RRULE and/or RDATEs. Transitions are
 * computed per calendar year on demand and cached, like the IANA zones.
 */
export class VtimezoneZone implements Zone {
  private readonly years = new Map<number, Transition[]>();
  private readonly startOffsets = new Map<number, number>();
  private readonly firstYear: number;
  private readonly initialOffset: number;

  constructor(
    readonly id: string,
    private readonly observances: readonly Observance[],
  ) {
    const firstOnsets = observances.map((o) => ({ at: o.startWall - o.offsetFrom, o }));
    firstOnsets.sort((a, b) => a.at - b.at);
    this.firstYear = Math.min(...observances.map((o) => o.startYear));
    this.initialOffset = firstOnsets[0]!.o.offsetFrom;
  }

  offsetMsAt(epochMs: number): number {
    const year = utcYear(epochMs);
    let offset = this.startOffsetOf(year);
    for (const t of this.transitionsIn(year)) {
      if (t.at > epochMs) break;
      offset = t.offset;
    }
    return offset;
  }

  epochMsOf(local: LocalDateTime): number {
    return resolveWallClock(local, (t) => this.offsetMsAt(t));
  }

  private startOffsetOf(year: number): number {
    const cached = this.startOffsets.get(year);
    if (cached !== undefined) return cached;
    let offset = this.initialOffset;
    // The latest earlier year with a transition decides (each year's table is cached).
    for (let y = year - 1; y >= this.firstYear - 1; y--) {
      const list = this.transitionsIn(y);
      if (list.length) {
        offset = list[list.length - 1]!.offset;
        break;
      }
    }
    this.startOffsets.set(year, offset);
    return offset;
  }

  private transitionsIn(year: number): Transition[] {
    const hit = this.years.get(year);
    if (hit) return hit;
    const from = daysFromCivil(year, 1, 1) * MS_PER_DAY;
    const to = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY;
    const list: Transition[] = [];
    for (const o of this.observances) {
      const onsets = [...o.fixedOnsets];
      if (o.rule) for (let y = year - 1; y <= year + 1; y++) onsets.push(...ruleOnsets(o, o.rule, y));
      if (o.generalRule) onsets.push(...generalOnsets(o, from, to));
      for (const at of onsets) if (at >= from && at < to) list.push({ at, offset: o.offsetTo });
    }
    list.sort((a, b) => a.at - b.at);
    this.years.set(year, list);
    return list;
  }
}

function ruleOnsets(o: Observance, rule: YearlyTransitionRule, year: number): number[] {
  if (year < o.startYear) return [];
  const out: number[] = [];
  for (const month of rule.months.length ? rule.months : [o.startMonth]) {
    for (const day of daysOfMonth(rule, year, month, o.startDay)) {
      const wall = daysFromCivil(year, month, day) * MS_PER_DAY + o.timeOfDayMs;
      if (wall < o.startWall) continue;
      const at = wall - o.offsetFrom;
      if (rule.until && (rule.until.utc ? at : wall) > rule.until.wallOrEpochMs) continue;
      out.push(at);
    }
  }
  if (rule.count !== null && out.length) {
    // COUNT is rare in VTIMEZONEs; count the onsets of the earlier years the slow way.
    let before = 0;
    for (let y = o.startYear; y < year; y++) before += ruleOnsets(o, { ...rule, count: null }, y).length;
    return out.slice(0, Math.max(0, rule.count - before));
  }
  return out;
}

function generalOnsets(o: Observance, from: number, to: number): number[] {
  const input = { start: o.startLocal, allDay: false, zone: fixedOffsetZone('observance', o.offsetFrom), rrule: o.generalRule };
  return expandRecurrence(input, { between: [from - MS_PER_DAY, to + MS_PER_DAY] }).map((occ) => occ.epochMs);
}

function daysOfMonth(rule: YearlyTransitionRule, year: number, month: number, startDay: number): number[] {
  const dim = daysInMonth(year, month);
  const first = daysFromCivil(year, month, 1);
  const weekdayOf = (day: number) => weekdayOfDays(first + day - 1);
  if (rule.byMonthDay.length) {
    const days = rule.byMonthDay.map((d) => (d > 0 ? d : dim + d + 1)).filter((d) => d >= 1 && d <= dim);
    return rule.byDay.length ? days.filter((d) => rule.byDay.some((b) => b.weekday === weekdayOf(d))) : days;
  }
  if (!rule.byDay.length) return startDay <= dim ? [startDay] : [];
  const days: number[] = [];
  for (const { n, weekday } of rule.byDay) {
    const all: number[] = [];
    for (let d = 1; d <= dim; d++) if (weekdayOf(d) === weekday) all.push(d);
    if (n === 0) days.push(...all);
    else {
      const pick = n > 0 ? all[n - 1] : all[all.length + n];
      if (pick !== undefined) days.push(pick);
    }
  }
  return days.sort((a, b) => a - b);
}

function utcYear(epochMs: number): number {
  const days = Math.floor(epochMs / MS_PER_DAY);
  let year = Math.floor(days / 365.2425) + 1970;
  while (daysFromCivil(year, 1, 1) > days) year--;
  while (daysFromCivil(year + 1, 1, 1) <= days) year++;
  return year;
}

/** Builds the Zone of a VTIMEZONE component; refuses one that cannot define a zone. */
export function zoneFromVtimezone(component: IcsComponent): VtimezoneZone {
  const tzid = prop(component, 'TZID');
  if (!tzid || !tzid.value.trim()) throw new IcsError(component.line, 'VTIMEZONE without TZID');
  const observances: Observance[] = [];
  for (const child of component.children) {
    if (child.name !== 'STANDARD' && child.name !== 'DAYLIGHT') continue;
    const from = prop(child, 'TZOFFSETFROM');
    const to = prop(child, 'TZOFFSETTO');
    const dtstart = prop(child, 'DTSTART');
    if (!from || !to || !dtstart) throw new IcsError(child.line, `${child.name} needs DTSTART, TZOFFSETFROM and TZOFFSETTO`);
    const start = parseTime(dtstart);
    if (start.kind !== 'floating') throw new IcsError(dtstart.line, `DTSTART of a ${child.name} is a local DATE-TIME without TZID or Z`);
    const offsetFrom = parseUtcOffset(from);
    const startWall = localToEpochMs(start.local);
    const rruleLine = prop(child, 'RRULE');
    const rule = rruleLine ? parseYearlyTransitionRule(rruleLine, (raw) => localToEpochMs(localOf(raw, rruleLine))) : null;
    let generalRule: string | null = null;
    if (rruleLine && !rule) {
      const verdict = validateRrule(rruleLine.value.trim());
      if (!verdict.ok) throw new IcsError(rruleLine.line, verdict.error.message);
      generalRule = rruleLine.value.trim();
    }
    const fixedOnsets = rruleLine ? [] : [startWall - offsetFrom];
    for (const rdate of props(child, 'RDATE')) {
      for (const raw of splitList(rdate.value)) {
        const t = parseTimeValue(raw, rdate);
        if (t.kind === 'date') fixedOnsets.push(daysFromCivil(t.date.year, t.date.month, t.date.day) * MS_PER_DAY - offsetFrom);
        else fixedOnsets.push(localToEpochMs(t.local) - (t.kind === 'utc' ? 0 : offsetFrom));
      }
    }
    observances.push({
      offsetFrom,
      offsetTo: parseUtcOffset(to),
      startWall,
      startYear: start.local.year,
      startMonth: start.local.month,
      startDay: start.local.day,
      timeOfDayMs: ((start.local.hour * 60 + start.local.minute) * 60 + start.local.second) * 1000,
      rule,
      generalRule,
      startLocal: start.local,
      fixedOnsets,
    });
  }
  if (!observances.length) throw new IcsError(component.line, `VTIMEZONE ${tzid.value} has no STANDARD or DAYLIGHT`);
  return new VtimezoneZone(tzid.value.trim(), observances);
}

function localOf(raw: string, cl: import('./content-line.js').ContentLine): LocalDateTime {
  const t = parseTimeValue(raw, { ...cl, params: {} });
  return t.kind === 'date' ? { ...t.date, hour: 0, minute: 0, second: 0 } : t.local;
}
