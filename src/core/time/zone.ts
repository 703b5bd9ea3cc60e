/**
 * The contract every time-zone source satisfies: IANA zones (through Temporal), VTIMEZONE-defined
 * zones from imported files, and UTC. Recurrence expands on the wall clock and asks a Zone to turn
 * each wall-clock time into an instant, so the engine never knows where a zone's rules came from.
 */

/** A wall-clock date-time with no zone: numbers, not objects, because expansion creates millions. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export interface Zone {
  /** IANA name, or the TZID of a file-defined zone. */
  readonly id: string;
  /** UTC offset in milliseconds in force at the instant. */
  offsetMsAt(epochMs: number): number;
  /**
   * Wall clock → instant, as RFC 5545 §3.3.5 says: a time inside a spring-forward gap is read with
   * the offset before the gap (moved forward by the gap's length); a time that occurs twice in a
   * fall-back overlap means its first occurrence.
   */
  epochMsOf(local: LocalDateTime): number;
}
