import { z } from 'zod';
import { EntryCreateSchema, EntrySchema } from '../entries/schemas.js';

/** A source system's name as it appears in URLs and in entries.source_system. */
export const SystemSlugSchema = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 of a-z, 0-9, _ and - (like hris or mana-app)');
export const ExternalIdSchema = z.string().min(1, 'is required').max(200, 'must be at most 200 characters').regex(/^[^\x00-\x1f\x7f]+$/, 'must not hold control characters');

export const SourceParamsSchema = z.strictObject({ system: SystemSlugSchema });
export const SourceEntryParamsSchema = z.strictObject({ system: SystemSlugSchema, externalId: ExternalIdSchema });

export const BulkLineSchema = z
  .strictObject({ externalId: ExternalIdSchema, entry: EntryCreateSchema.optional(), delete: z.literal(true).optional() })
  .superRefine((line, ctx) => {
    if ((line.entry === undefined) === (line.delete === undefined)) {
      ctx.addIssue({ code: 'custom', path: [line.entry ? 'delete' : 'entry'], message: 'give either "entry" (create or update) or "delete": true' });
    }
  });
export type BulkLine = z.infer<typeof BulkLineSchema>;

export const UPSERT_RESULTS = ['created', 'updated', 'unchanged', 'deleted', 'error'] as const;
export type UpsertResult = (typeof UPSERT_RESULTS)[number];

export const BulkLineResultSchema = z.object({
  line: z.int(),
  externalId: z.string().nullable(),
  result: z.enum(UPSERT_RESULTS),
  entryId: z.uuid().optional(),
  version: z.int().optional(),
  status: z.int().optional(),
  errors: z.array(z.object({ field: z.string().nullable(), message: z.string() })).optional(),
});
export type BulkLineResult = z.infer<typeof BulkLineResultSchema>;

export const BulkReportSchema = z.object({
  summary: z.object({ created: z.int(), updated: z.int(), unchanged: z.int(), deleted: z.int(), error: z.int() }),
  results: z.array(BulkLineResultSchema),
});
export type BulkReport = z.infer<typeof BulkReportSchema>;

export { EntryCreateSchema, EntrySchema };
