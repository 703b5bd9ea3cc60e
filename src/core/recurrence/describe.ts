import { civilFromDays, daysFromCivil, MS_PER_DAY } from '../time/civil.js';
import type { Zone } from '../time/zone.js';
import { parseRrule, type ParsedRule, type WeekdayNum } from './rrule-parse.js';

/** Plain-English description of a rule: "Every 2 weeks on Monday and Wednesday, 10 times". */
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const HIJRI_MONTHS = ['Muharram', 'Safar', "Rabi' al-Awwal", "Rabi' al-Thani", 'Jumada al-Ula', 'Jumada al-Akhirah', 'Rajab', "Sha'ban",
  'Ramadan', 'Shawwal', "Dhu al-Qa'dah", 'Dhu al-Hijjah'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth'];
const UNITS: Record<string, [string, string]> = {
  SECONDLY: ['Every second', 'seconds'], MINUTELY: ['Every minute', 'minutes'], HOURLY: ['Hourly', 'hours'],
  DAILY: ['Daily', 'days'], WEEKLY: ['Weekly', 'weeks'], MONTHLY: ['Monthly', 'months'], YEARLY: ['Yearly', 'years'],
};

export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const ordinal = (n: number): string => {
  if (n === -1) return 'last';
  if (n === -2) return 'second to last';
  if (n > 0 && n <= 5) return ORDINALS[n]!;
  const abs = Math.abs(n);
  const suffix = abs % 100 >= 11 && abs % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][abs % 10] ?? 'th');
  return n > 0 ? `${abs}${suffix}` : `${abs}${suffix} to last`;
};

const WORKDAYS = [0, 1, 2, 3, 4];
function weekdays(days: readonly WeekdayNum[]): string {
  const plain = days.filter((d) => d.n === 0).map((d) => d.weekday).sort();
  if (plain.length === 5 && plain.every((d, i) => d === WORKDAYS[i]) && days.length === 5) return 'weekday';
  return joinList(days.map((d) => (d.n === 0 ? DAY_NAMES[d.weekday]! : `${ordinal(d.n)} ${DAY_NAMES[d.weekday]}`)));
}

function monthDay(v: number): string {
  if (v === -1) return 'the last day';
  return v > 0 ? `day ${v}` : `the ${ordinal(v)} day`;
}

function datePart(r: ParsedRule, monthNames: readonly string[]): string {
  const parts: string[] = [];
  const months = r.byMonth?.map((m) => monthNames[m - 1]!);
  const setPos = r.bySetPos?.map(ordinal);
  if (r.byDay && setPos) {
    const what = weekdays(r.byDay) === 'weekday' ? 'weekday' : `of ${weekdays(r.byDay)}`;
    parts.push(`on the ${joinList(setPos)} ${what === 'weekday' ? 'weekday' : `day ${what}`}`);
  } else if (r.byDay) {
    const w = weekdays(r.byDay);
    const numbered = r.byDay.some((d) => d.n !== 0);
    parts.push(w === 'weekday' ? 'on weekdays' : `on ${numbered ? 'the ' : ''}${w}`);
  }
  if (r.byMonthDay) {
    if (months?.length === 1 && r.byMonthDay.length === 1 && r.byMonthDay[0]! > 0 && !r.byDay) {
      return `on ${r.byMonthDay[0]} ${months[0]}`;
    }
    parts.push(`on ${joinList(r.byMonthDay.map(monthDay))}${r.byDay ? ' of the month' : ''}`);
  }
  if (r.byYearDay) parts.push(`on day ${joinList(r.byYearDay.map(String))} of the year`);
  if (r.byWeekNo) parts.push(`in week ${joinList(r.byWeekNo.map(String))}`);
  if (months) parts.push(`${r.byDay?.some((d) => d.n !== 0) ? 'of' : 'in'} ${joinList(months)}`);
  if (r.bySetPos && !r.byDay) parts.push(`(occurrence ${joinList(r.bySetPos.map(String))} of each period)`);
  return parts.join(' ');
}

function timePart(r: ParsedRule): string {
  const parts: string[] = [];
  if (r.byHour) {
    const minutes = r.byMinute ?? [0];
    const times = r.byHour.flatMap((h) => minutes.map((m) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`));
    parts.push(`at ${joinList(times)}`);
  } else if (r.byMinute) parts.push(`at minute ${joinList(r.byMinute.map(String))}`);
  if (r.bySecond) parts.push(`at second ${joinList(r.bySecond.map(String))}`);
  return parts.join(' ');
}

function formatDay(days: number): string {
  const c = civilFromDays(days);
  return `${c.day} ${MONTHS[c.month - 1]!.slice(0, 3)} ${c.year}`;
}

/** RRULE value → English; `zone` shows a UTC UNTIL as the series' local date. Throws RecurrenceError. */
export function describeRrule(rrule: string, zone?: Zone | null): string {
  const r = parseRrule(rrule);
  const [single, plural] = UNITS[r.freq]!;
  let head = r.interval === 1 ? single : `Every ${r.interval} ${plural}`;
  const hijri = r.rscale === 'ISLAMIC-CIVIL';
  const date = datePart(r, hijri ? HIJRI_MONTHS : MONTHS);
  if (r.freq === 'DAILY' && r.interval === 1 && date === 'on weekdays') head = 'Every weekday';
  else if (r.freq === 'WEEKLY' && r.interval === 1 && date === 'on weekdays') head = 'Every weekday';
  let text = [head, head === 'Every weekday' ? '' : date, timePart(r)].filter(Boolean).join(' ');
  if (hijri) text += ' (Islamic calendar)';
  if (r.count !== null) text += r.count === 1 ? ', once' : `, ${r.count} times`;
  if (r.until) {
    const u = r.until;
    const day = u.kind === 'date' ? null : Math.floor((u.kind === 'instant' ? u.epochMs + (zone?.offsetMsAt(u.epochMs) ?? 0) : wallOf(u.value)) / MS_PER_DAY);
    text += `, until ${day === null && u.kind === 'date' ? `${u.value.day} ${MONTHS[u.value.month - 1]!.slice(0, 3)} ${u.value.year}` : formatDay(day!)}`;
  }
  return text;
}

function wallOf(v: { year: number; month: number; day: number }): number {
  return daysFromCivil(v.year, v.month, v.day) * MS_PER_DAY;
}
