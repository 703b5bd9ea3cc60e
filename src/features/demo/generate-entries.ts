import { seriesSpanOf } from '../entries/series.js';
import { DEMO_KINDS, type DemoKind } from './kinds.js';
import type { Random } from './random.js';

const DAY = 86_400_000;
const MANILA_OFFSET = 8 * 3_600_000; // Asia/Manila has no DST: the demo can do its arithmetic in fixed offset.

export interface DemoStaff {
  id: string;
  personalCalendarId: string;
}

export interface DemoEntryRow {
  id: string;
  calendarId: string;
  module: string;
  kind: string;
  title: string;
  location: string | null;
  communityId: string | null;
  organizerId: string;
  status: string;
  priority: string;
  visibility: string;
  allDay: boolean;
  startAt: Date;
  endAt: Date;
  startDate: string | null;
  endDate: string | null;
  rrule: string | null;
  spanStart: Date;
  spanEnd: Date | null;
}

export interface DemoContext {
  random: Random;
  staff: DemoStaff[];
  moduleCalendars: Record<string, string>;
  communities: { id: string; name: string }[];
  now: number;
}

const weightedKinds = DEMO_KINDS.map((k) => [k, k.weight] as const);
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function entryOn(ctx: DemoContext, dayStartLocal: number, kind: DemoKind): DemoEntryRow {
  const { random } = ctx;
  const organizer = random.pick(ctx.staff);
  const community = kind.atCommunity && ctx.communities.length ? random.pick(ctx.communities) : null;
  const duration = random.pick(kind.durations);
  const allDay = kind.allDay === true;
  let startLocal: number;
  let endLocal: number;
  if (allDay) {
    startLocal = dayStartLocal;
    endLocal = dayStartLocal + (kind.kind === 'leave' ? random.int(1, 3) : 1) * DAY;
  } else if (duration === 0) {
    startLocal = endLocal = dayStartLocal + 17 * 3_600_000; // deadlines fall at close of business
  } else {
    startLocal = dayStartLocal + (8 * 60 + random.int(0, 16) * 30) * 60_000;
    endLocal = startLocal + duration * 60_000;
  }
  const past = endLocal - MANILA_OFFSET < ctx.now;
  const isSeries = !allDay && kind.series !== undefined && random.chance(kind.series.share);
  const rrule = isSeries ? random.pick(kind.series!.rules) : null;
  const startAt = new Date(startLocal - MANILA_OFFSET);
  const endAt = new Date(endLocal - MANILA_OFFSET);
  let spanStart = startAt;
  let spanEnd: Date | null = endAt;
  if (rrule) {
    const span = seriesSpanOf(
      { allDay: false, timeZone: 'Asia/Manila', startLocal: new Date(startLocal).toISOString().slice(0, 19), rrule, rdate: [], exdate: [] },
      endLocal - startLocal,
    );
    spanStart = new Date(span.firstStartMs);
    spanEnd = span.lastEndMs === null ? null : new Date(span.lastEndMs);
  }
  return {
    id: random.uuid(),
    calendarId: kind.personal ? organizer.personalCalendarId : ctx.moduleCalendars[kind.module]!,
    module: kind.module,
    kind: kind.kind,
    title: community ? `${random.pick(kind.titles)} — ${community.name}` : random.pick(kind.titles),
    location: community ? community.name : kind.atCommunity ? null : random.pick(['Main office, Conference room A', 'Main office, Conference room B', 'Online (video call)']),
    communityId: community?.id ?? null,
    organizerId: organizer.id,
    status: random.weighted(past ? kind.past : kind.future),
    priority: random.weighted(kind.priority ?? [['normal', 80], ['high', 15], ['low', 5]]),
    visibility: kind.visibility ?? 'internal',
    allDay,
    startAt,
    endAt,
    startDate: allDay ? isoDate(startLocal) : null,
    endDate: allDay ? isoDate(endLocal) : null,
    rrule,
    spanStart,
    spanEnd,
  };
}

/**
 * Entries spread over working days (Monday to Friday; community events on weekends too) between
 * two dates, about `perWorkingDay` a day, in batches so that a million never sit in memory at once.
 */
export function* generateEntries(ctx: DemoContext, fromMs: number, toMs: number, perWorkingDay: number, batchSize = 5000): Generator<DemoEntryRow[]> {
  let batch: DemoEntryRow[] = [];
  for (let day = Math.floor((fromMs + MANILA_OFFSET) / DAY) * DAY; day < toMs + MANILA_OFFSET; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const count = weekend ? Math.round(perWorkingDay * 0.05) : Math.max(0, Math.round(perWorkingDay * (0.7 + ctx.random.next() * 0.6)));
    for (let i = 0; i < count; i++) {
      let kind = ctx.random.weighted(weightedKinds);
      if (weekend && kind.module !== 'community') kind = DEMO_KINDS.find((k) => k.kind === 'community_event')!;
      batch.push(entryOn(ctx, day, kind));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}
