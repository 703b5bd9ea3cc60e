/** Community: community events and observances (holidays). */
import { defineModule, type ModuleDefinition, recordType } from '../define-module.js';
import { communityKinds } from './kinds.js';
import { CommunityEventRecordSchema, projectCommunityEvent } from './records.js';

export const communityModule: ModuleDefinition<'community'> = defineModule({
  module: 'community',
  label: 'Community',
  colour: '#be123c',
  kinds: communityKinds,
  recordTypes: [
    recordType({ type: 'events', label: 'Community event', schema: CommunityEventRecordSchema, project: projectCommunityEvent }),
  ],
});
