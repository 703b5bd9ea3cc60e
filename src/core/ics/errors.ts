/**
 * The one error the ICS reader raises for a file it refuses: `line` is the 1-based physical line
 * at fault (README of conformance/ics: a component's BEGIN, the property's first physical line …),
 * so a person can open the file at that line.
 */
export class IcsError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'IcsError';
  }
}

/** Limits that keep a hostile or broken file from exhausting memory or time. */
export interface IcsLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Largest unfolded content line, in bytes (a 2 MB DESCRIPTION is legitimate). */
  readonly maxLineBytes: number;
  /** Most components (VEVENT, VTODO, VALARM, VTIMEZONE …) in one file. */
  readonly maxComponents: number;
  /** Deepest BEGIN nesting (VCALENDAR › VEVENT › VALARM is 3). */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: IcsLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxLineBytes: 16 * 1024 * 1024,
  maxComponents: 1_000_000,
  maxDepth: 8,
};
