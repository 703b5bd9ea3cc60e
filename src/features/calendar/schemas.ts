import { z } from 'zod';
import { PRIORITIES } from '../../db/schema/entries.js';
import { MODULES } from '../entries/schemas.js';

/** A comma-separated query parameter whose items each pass `item`. */
const csv = <T extends z.ZodType>(item: T, name: string) =>
  z
    .string()
    .max(4000)
    .transform((text, ctx) => {
      const values = text.split(',').map((v) => v.trim()).filter(Boolean);
      for (const value of values) {
        const parsed = item.safeParse(value);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: `${value} is not a valid ${name}` });
          return z.NEVER;
        }
      }
      return values as z.infer<T>[];
    });

const WindowBound = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'must be an ISO-8601 date or date-time');

export const CalendarQuerySchema = z.strictObject({
  start: WindowBound,
  end: WindowBound,
  calendars: csv(z.uuid(), 'calendar id').optional(),
  modules: csv(z.enum(MODULES), 'module').optional(),
  status: csv(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), 'status').optional(),
  priority: csv(z.enum(PRIORITIES), 'priority').optional(),
  community: csv(z.uuid(), 'community id').optional(),
  organizer: csv(z.uuid(), 'user id').optional(),
  q: z.string().trim().max(200).optional(),
  timeZone: z.string().max(64).optional(),
});
export type CalendarQuery = z.infer<typeof CalendarQuerySchema>;

export const CalendarEventSchema = z.object({
  id: z.string(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  allDay: z.boolean(),
  /** FullCalendar 7 reads color/contrastColor; 6.x and other clients read the older three. */
  color: z.string(),
  contrastColor: z.string(),
  backgroundColor: z.string(),
  borderColor: z.string(),
  textColor: z.string(),
  editable: z.boolean(),
  extendedProps: z.object({
    entryId: z.uuid(),
    module: z.string().nullable(),
    kind: z.string().nullable(),
    status: z.string().nullable(),
    priority: z.string().nullable(),
    calendarId: z.uuid(),
    version: z.number().int(),
    location: z.string().nullable(),
    visibility: z.string(),
    busyOnly: z.boolean(),
    seriesId: z.uuid().optional(),
    recurrenceId: z.string().optional(),
    canEdit: z.boolean(),
    canDelete: z.boolean(),
  }),
});
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;
