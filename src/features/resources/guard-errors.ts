/**
 * The database guard (0004_resources.sql) refuses an overlapping or over-stock booking with SQLSTATE
 * 23P01 and, when it can, "conflicting booking <id>" in the detail. Drizzle wraps driver errors, so
 * the PostgreSQL fields are looked for on the error and on its cause.
 */
interface PgFields {
  code?: string;
  detail?: string;
  constraint?: string;
}

export function pgErrorOf(error: unknown): PgFields | null {
  for (let e = error as (PgFields & { cause?: unknown }) | undefined, depth = 0; e && depth < 4; e = e.cause as never, depth++) {
    if (typeof e.code === 'string') return e;
  }
  return null;
}

/** The booking the guard named in a refusal's detail ("conflicting booking <id>"), if it named one. */
export const conflictingBookingIn = (detail: string | null | undefined): string | null => /conflicting booking ([0-9a-f-]{36})/.exec(detail ?? '')?.[1] ?? null;

/** null: not a booking conflict; otherwise the conflicting booking's id when the database named it. */
export function bookingConflictOf(error: unknown): { conflictingBookingId: string | null } | null {
  const pg = pgErrorOf(error);
  if (pg?.code !== '23P01') return null;
  return { conflictingBookingId: conflictingBookingIn(pg.detail) };
}
