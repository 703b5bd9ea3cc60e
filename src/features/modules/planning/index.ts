/** Planning and monitoring: monitoring entries with milestones, stages, budget hearings and reports. */
import { defineModule, type ModuleDefinition, recordType } from '../define-module.js';
import { planningKinds } from './kinds.js';
import { MonitoringEntryRecordSchema, projectMonitoringEntry } from './records.js';

export const planningModule: ModuleDefinition<'planning'> = defineModule({
  module: 'planning',
  label: 'Planning and monitoring',
  colour: '#0e7490',
  kinds: planningKinds,
  recordTypes: [
    recordType({ type: 'monitoring', label: 'Monitoring entry', schema: MonitoringEntryRecordSchema, project: projectMonitoringEntry }),
  ],
});
