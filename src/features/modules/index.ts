/** The modules feature's public surface: what other features and the composition root import. */
export { MODULES, LIFECYCLES, CLOSED_LIFECYCLES, PRIORITIES, MODULE_META, getKind, listKinds, lifecycleOf, parseDetails, isKnownStatus, workflowAlertsOf } from './registry.js';
export type { AnyKind, DetailsCheck, EntryLike, EntryDraft, KindDefinition, Lifecycle, ModuleKey, Priority, WorkflowAlert } from './registry.js';
export { contrastRatio } from './colours.js';
export { conflictSpanOf, conflictSpansOf, occupancyOf, venueResourceId, type Occupancy } from './people.js';
export { toOverviewItem, overviewInputsOf } from './overview-items.js';
export { RECORD_TYPES, findRecordType, projectRecord, diffProjection, type ProjectionResult } from './record-types.js';
export type { RecordPrivacy, RecordType } from './define-module.js';
export { describeKinds, type KindDescription } from './kind-catalog.js';
export { decideLeave, type LeaveAction, type LeaveDecision, type LeaveStatus } from './staff/leave.js';
export { projectHolidays } from './community/records.js';
