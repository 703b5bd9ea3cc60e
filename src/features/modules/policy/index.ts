/** Policy: recommendations with their deadlines, consultations and review meetings. */
import { defineModule, type ModuleDefinition, recordType } from '../define-module.js';
import { policyKinds } from './kinds.js';
import { PolicyRecommendationRecordSchema, projectPolicyRecommendation } from './records.js';

export const policyModule: ModuleDefinition<'policy'> = defineModule({
  module: 'policy',
  label: 'Policy',
  colour: '#b45309',
  kinds: policyKinds,
  recordTypes: [
    recordType({ type: 'recommendations', label: 'Policy recommendation', schema: PolicyRecommendationRecordSchema, project: projectPolicyRecommendation }),
  ],
});
