/** General kind: an ordinary calendar event that belongs to no module (also what imports land as). */
import { z } from 'zod';
import { defineKind } from '../define-kind.js';
import { IdListSchema } from '../schema-parts.js';

export const GeneralEventDetailsSchema = z.strictObject({
  participantIds: IdListSchema,
  resourceIds: IdListSchema,
});
export type GeneralEventDetails = z.infer<typeof GeneralEventDetailsSchema>;

export const generalKinds = [
  defineKind<GeneralEventDetails>({
    module: 'general',
    kind: 'event',
    label: 'Event',
    detailsSchema: GeneralEventDetailsSchema,
    // RFC 5545 VEVENT STATUS values, so imported events keep theirs.
    statuses: { tentative: 'planned', confirmed: 'scheduled', cancelled: 'cancelled' },
    defaultStatus: 'confirmed',
    personFields: ['participantIds'],
    resourceFields: ['resourceIds'],
  }),
];
