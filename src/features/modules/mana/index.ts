/** Needs assessment (MANA): assessments and their milestones, baseline data collection, needs. */
import { defineModule, type ModuleDefinition, recordType } from '../define-module.js';
import { manaKinds } from './kinds.js';
import * as records from './records.js';

export const manaModule: ModuleDefinition<'mana'> = defineModule({
  module: 'mana',
  label: 'Needs assessment (MANA)',
  colour: '#047857',
  kinds: manaKinds,
  recordTypes: [
    recordType({ type: 'assessments', label: 'Assessment', schema: records.AssessmentRecordSchema, project: records.projectAssessment }),
    recordType({ type: 'baseline-collections', label: 'Baseline data collection', schema: records.BaselineDataCollectionRecordSchema, project: records.projectBaselineDataCollection }),
    recordType({ type: 'needs', label: 'Need', schema: records.NeedRecordSchema, project: records.projectNeed }),
  ],
});
