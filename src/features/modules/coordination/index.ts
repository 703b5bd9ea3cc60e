/** Coordination: events, stakeholder engagements, communication follow-ups and partnerships. */
import { defineModule, type ModuleDefinition, recordType } from '../define-module.js';
import { coordinationKinds } from './kinds.js';
import * as records from './records.js';

export const coordinationModule: ModuleDefinition<'coordination'> = defineModule({
  module: 'coordination',
  label: 'Coordination',
  colour: '#1d4ed8',
  kinds: coordinationKinds,
  recordTypes: [
    recordType({ type: 'events', label: 'Coordination event', schema: records.CoordinationEventRecordSchema, project: records.projectCoordinationEvent }),
    recordType({ type: 'engagements', label: 'Stakeholder engagement', schema: records.StakeholderEngagementRecordSchema, project: records.projectStakeholderEngagement }),
    recordType({ type: 'communications', label: 'Communication follow-up', schema: records.CommunicationRecordSchema, project: records.projectCommunication }),
    recordType({ type: 'partnerships', label: 'Partnership', schema: records.PartnershipRecordSchema, project: records.projectPartnership }),
  ],
});
