import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, countActive, feedQuery, formatLocation, parseLocation, type CalendarLocation } from './filters';

const alphabet = ['staff', 'mana', 'policy', 'a b', 'x&y', 'é'];
function pick<T>(xs: T[], rnd: () => number): T[] {
  return xs.filter(() => rnd() < 0.4);
}
function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('filters in the URL', () => {
  it('reads lists, text and position from a bookmarked query string', () => {
    const loc = parseLocation('?view=timeGridWeek&date=2026-11-25&modules=staff,mana&q=budget&priority=high');
    expect(loc.view).toBe('timeGridWeek');
    expect(loc.date).toBe('2026-11-25');
    expect(loc.filters.modules).toEqual(['staff', 'mana']);
    expect(loc.filters.q).toBe('budget');
    expect(loc.filters.priority).toBe('high');
    expect(loc.filters.calendars).toEqual([]);
  });

  it('ignores a malformed date and empty list items', () => {
    const loc = parseLocation('?date=tomorrow&modules=,staff,,staff');
    expect(loc.date).toBeNull();
    expect(loc.filters.modules).toEqual(['staff']);
  });

  it('writes nothing for the empty state and keeps commas readable', () => {
    expect(formatLocation({ view: null, date: null, filters: EMPTY_FILTERS })).toBe('');
    expect(formatLocation({ view: 'dayGridMonth', date: null, filters: { ...EMPTY_FILTERS, modules: ['staff', 'mana'] } }))
      .toBe('?view=dayGridMonth&modules=staff,mana');
  });

  it('round-trips random filter states through the query string', () => {
    const rnd = seeded(7);
    for (let i = 0; i < 200; i++) {
      const loc: CalendarLocation = {
        view: rnd() < 0.5 ? 'listWeek' : null,
        date: rnd() < 0.5 ? '2027-01-31' : null,
        filters: {
          modules: pick(alphabet, rnd),
          calendars: pick(['c1', 'c2', 'c3'], rnd),
          status: rnd() < 0.3 ? 'confirmed' : '',
          priority: rnd() < 0.3 ? 'high' : '',
          community: rnd() < 0.3 ? 'brgy 12' : '',
          organizer: rnd() < 0.3 ? 'u1' : '',
          q: rnd() < 0.3 ? 'rice & fish, 50%' : '',
        },
      };
      expect(parseLocation(formatLocation(loc))).toEqual(loc);
    }
  });

  it('passes the filters on to the calendar feed and counts the active ones', () => {
    const filters = { ...EMPTY_FILTERS, modules: ['staff'], status: 'confirmed' };
    const q = feedQuery('2026-11-01T00:00:00+08:00', '2026-12-01T00:00:00+08:00', filters);
    expect(q.get('modules')).toBe('staff');
    expect(q.get('status')).toBe('confirmed');
    expect(q.has('q')).toBe(false);
    expect(countActive(filters)).toBe(2);
  });
});
