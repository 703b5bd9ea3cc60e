import { gregorianStream, type WallStream } from './rule-iterator.js';
import type { ParsedRule } from './rrule-parse.js';
import { rscaleStream } from './rscale-iterator.js';

/** The instance stream for a rule: Gregorian periods, or RFC 7529 periods of another calendar. */
export function openStream(rule: ParsedRule, dtWall: number, fromDay: number | null): WallStream {
  if (rule.rscale && rule.rscale !== 'GREGORIAN') return rscaleStream(rule, dtWall, fromDay);
  if (rule.rscale === 'GREGORIAN' && rule.skip !== 'OMIT') return rscaleStream(rule, dtWall, fromDay);
  return gregorianStream(rule, { dtWall, fromDay });
}
