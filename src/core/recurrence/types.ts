import type { LocalDateTime, Zone } from '../time/zone.js';

/**
 * The recurrence engine's public contract (implemented in src/core/recurrence/). Everything that
 * expands a series — the range query, the ICS importer and exporter, conflicts, reminders, the
 * `kalendaryo expand` CLI — goes through expandRecurrence so they all agree.
 */

/** A calendar date with no time (all-day series). */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** An RDATE/EXDATE value: wall clock in the series' zone, a date (all-day), or an absolute UTC instant. */
export type RecurrenceValue =
  | { readonly kind: 'local'; readonly value: LocalDateTime }
  | { readonly kind: 'date'; readonly value: LocalDate }
  | { readonly kind: 'instant'; readonly epochMs: number };

export interface RecurrenceInput {
  /** DTSTART: a LocalDateTime (timed) or a LocalDate (all-day). */
  readonly start: LocalDateTime | LocalDate;
  readonly allDay: boolean;
  /**
   * The zone the wall clock runs in. null = floating time (and all-day): instants are then computed
   * in `floatingZone` of the options, only for windowing and ordering.
   */
  readonly zone: Zone | null;
  /** RRULE value without the "RRULE:" prefix; null/undefined = no rule (RDATEs and DTSTART only). */
  readonly rrule?: string | null;
  readonly rdate?: readonly RecurrenceValue[];
  readonly exdate?: readonly RecurrenceValue[];
}

export interface ExpandOptions {
  /** [start, end) in epoch ms: only occurrences whose start instant lies inside are returned. */
  readonly between?: readonly [number, number] | null;
  /** At most this many occurrences (after windowing). */
  readonly max?: number;
  /** Zone used to place floating and all-day values on the time line (default Asia/Manila). */
  readonly floatingZone?: Zone;
}

export interface Occurrence {
  /** Wall-clock start (LocalDate for all-day series). Identifies the occurrence (RECURRENCE-ID). */
  readonly local: LocalDateTime | LocalDate;
  /** Start instant in epoch ms (floating/all-day: placed in the floating zone). */
  readonly epochMs: number;
  /** True when the occurrence comes from an RDATE rather than the RRULE. */
  readonly fromRdate: boolean;
}

/** A rule the engine refuses: `part` names the offending RRULE part (e.g. "BYSETPOS"). */
export class RecurrenceError extends Error {
  constructor(
    message: string,
    readonly part: string | null = null,
  ) {
    super(message);
    this.name = 'RecurrenceError';
  }
}
