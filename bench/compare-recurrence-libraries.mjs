// Measures candidate recurrence libraries on the public conformance vectors: pass rate and time.
//   node --import tsx bench/compare-recurrence-libraries.mjs [test/fixtures/conformance/rrule-public.jsonl]
// rrule.js and ical.js have no IANA zone database: they expand the wall clock (floating) and our
// Zone turns wall times into instants (RFC 5545 gap/overlap rule), which is how either would sit
// behind src/core. rrule-temporal is zone-aware and gets DTSTART;TZID directly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import rrulePkg from 'rrule';
import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { expandCase } from '../src/cli/commands/expand.ts';
import { ianaZone, UTC_ZONE, formatInstantInZone, parseLocalDateTime, localToEpochMs, parseInstant, resolveWallMs } from '../src/core/time/index.ts';

const { rrulestr } = rrulePkg;
const file = process.argv[2] ?? path.resolve(import.meta.dirname, '../test/fixtures/conformance/rrule-public.jsonl');
const cases = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const compact = (s) => s.replace(/[-:]/g, '');
const DAY = 86_400_000;

/** Wall-clock helpers shared by the floating adapters. */
function floating(c) {
  const allDay = c.tzid == null;
  const zone = allDay ? UTC_ZONE : ianaZone(c.tzid);
  const wallOf = (s) => {
    if (allDay) return Date.parse(`${s}T00:00:00Z`);
    const inst = parseInstant(s);
    return inst !== null ? inst + zone.offsetMsAt(inst) : localToEpochMs(parseLocalDateTime(s));
  };
  const toEpoch = (wall) => (allDay ? wall : resolveWallMs(wall, (t) => zone.offsetMsAt(t)));
  const fmt = (wall) => (allDay ? new Date(wall).toISOString().slice(0, 10) : formatInstantInZone(toEpoch(wall), zone));
  const win = c.between ? c.between.map((b) => (allDay ? Date.parse(`${b}T00:00:00Z`) : Date.parse(b))) : null;
  // A UTC UNTIL becomes the wall time it denotes, since these libraries expand floating times.
  const rrule = c.rrule.replace(/UNTIL=(\d{8}T\d{6})Z/, (_, u) => {
    const inst = parseInstant(`${u}Z`);
    return `UNTIL=${compact(new Date(inst + zone.offsetMsAt(inst)).toISOString().slice(0, 19))}`;
  });
  return { allDay, wallOf, toEpoch, fmt, win, rrule };
}

function finish(c, walls, f) {
  const seen = new Set();
  const out = [];
  for (const w of walls) {
    const e = f.toEpoch(w);
    if (seen.has(e)) continue;
    seen.add(e);
    if (f.win && (e < f.win[0] || e >= f.win[1])) continue;
    out.push(f.fmt(w));
    if (out.length >= c.max) break;
  }
  return out;
}

const adapters = {
  'own engine (src/core/recurrence)': (c) => expandCase(c),

  'rrule.js 2.8.1': (c) => {
    const f = floating(c);
    const set = rrulestr(`DTSTART:${compact(c.dtstart.length === 10 ? `${c.dtstart}T000000` : c.dtstart)}Z\nRRULE:${f.rrule.replace(/(UNTIL=\d{8}T\d{6})/, '$1Z')}`, { forceset: true });
    for (const r of c.rdate) set.rdate(new Date(f.wallOf(r)));
    for (const x of c.exdate) set.exdate(new Date(f.wallOf(x)));
    const walls = f.win
      ? set.between(new Date(f.win[0] - 2 * DAY), new Date(f.win[1] + 2 * DAY), true).map((d) => d.getTime())
      : set.all((_, i) => i < c.max + 5).map((d) => d.getTime());
    return finish(c, walls, f);
  },

  'ical.js 2.2.1': (c) => {
    const f = floating(c);
    const v = (w) => (f.allDay ? new Date(w).toISOString().slice(0, 10).replace(/-/g, '') : compact(new Date(w).toISOString().slice(0, 19)));
    const lines = [`DTSTART${f.allDay ? ';VALUE=DATE' : ''}:${v(f.wallOf(c.dtstart))}`, `RRULE:${f.rrule}`,
      ...c.rdate.map((r) => `RDATE${f.allDay ? ';VALUE=DATE' : ''}:${v(f.wallOf(r))}`),
      ...c.exdate.map((x) => `EXDATE${f.allDay ? ';VALUE=DATE' : ''}:${v(f.wallOf(x))}`)];
    const comp = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n${lines.join('\r\n')}\r\nEND:VEVENT\r\nEND:VCALENDAR`));
    const it = new ICAL.Event(comp.getFirstSubcomponent('vevent')).iterator();
    const walls = [];
    for (let t = it.next(), n = 0; t && n < 200_000; t = it.next(), n++) {
      const w = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
      if (f.win ? f.toEpoch(w) >= f.win[1] : walls.length >= c.max + 5) break;
      walls.push(w);
    }
    return finish(c, walls, f);
  },

  'rrule-temporal 2.2.8': (c) => {
    const allDay = c.tzid == null;
    const tz = c.tzid ?? 'UTC';
    const zdt = (s) => {
      if (allDay) return Temporal.PlainDate.from(s).toZonedDateTime({ timeZone: tz });
      const inst = parseInstant(s);
      return inst !== null ? Temporal.Instant.fromEpochMilliseconds(inst).toZonedDateTimeISO(tz)
        : Temporal.PlainDateTime.from(s).toZonedDateTime(tz, { disambiguation: 'compatible' });
    };
    const head = allDay ? `DTSTART;VALUE=DATE:${compact(c.dtstart)}` : `DTSTART;TZID=${tz}:${compact(c.dtstart)}`;
    const rule = new RRuleTemporal({ rruleString: `${head}\nRRULE:${c.rrule}`, rDate: c.rdate.map(zdt), exDate: c.exdate.map(zdt) });
    let list;
    if (c.between) {
      const [a, b] = c.between.map((x) => (allDay ? new Date(`${x}T00:00:00Z`) : new Date(x)));
      list = rule.between(a, b, true).filter((d) => d.epochMilliseconds < b.getTime()).slice(0, c.max);
    } else list = rule.all((_, i) => i < c.max);
    return list.map((d) => (allDay ? d.toPlainDate().toString() : d.toString({ timeZoneName: 'never' })));
  },
};

const norm = (s) => s.replace(/Z$/, '+00:00');
for (const [name, run] of Object.entries(adapters)) {
  let passed = 0;
  const failures = [];
  let best = Infinity;
  let bestCpu = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    passed = 0;
    failures.length = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const c of cases) {
      let got;
      try {
        got = run(c);
      } catch (e) {
        got = { error: e.message };
      }
      const ok = Array.isArray(got) && got.length === c.expected.length && got.every((g, i) => norm(g) === norm(c.expected[i]));
      if (ok) passed++;
      else failures.push(c.id);
    }
    best = Math.min(best, performance.now() - t0);
    const cpu = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  console.log(JSON.stringify({ library: name, passed, total: cases.length, ms: Math.round(best), cpuMs: Math.round(bestCpu),
    failed: failures }));
}
