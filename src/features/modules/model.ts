/**
 * The shared vocabulary of module kinds: modules, the common lifecycle every status maps onto, the
 * plain entry shape the kinds work on, entry drafts produced by projections, and workflow alerts.
 * Kind definitions (one file per module) and the registry build on these types only.
 */
import type { z } from 'zod';
import type { ModuleKey } from './registry.js';

// The module keys come from the registry's one list of modules.
export type { ModuleKey };

/**
 * The lifecycle every module status maps onto, so views, filters, compliance and conflict rules
 * reason about one vocabulary while modules keep their own words.
 */
export const LIFECYCLES = [
  'planned',
  'scheduled',
  'in_progress',
  'pending_approval',
  'completed',
  'cancelled',
  'rejected',
] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** Lifecycles that close an item: nothing is overdue, awaited or double-booked once closed. */
export const CLOSED_LIFECYCLES: ReadonlySet<Lifecycle> = new Set(['completed', 'cancelled', 'rejected']);

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A calendar entry as plain data (the database row mapped by the calendar feature). */
export interface EntryLike {
  id: string;
  calendarId: string;
  module: ModuleKey;
  kind: string;
  title: string;
  status: string;
  priority: Priority;
  startMs: number;
  endMs: number;
  allDay: boolean;
  timeZone: string;
  organizerId: string | null;
  communityId: string | null;
  location: string | null;
  details: Record<string, unknown>;
}

/**
 * What a module record projects onto: an entry without identity. `projectionKey` is stable for the
 * same record and role (e.g. "assessment:42:report_due") so re-projecting updates entries in place
 * and drops the ones whose key disappeared.
 */
export interface EntryDraft {
  projectionKey: string;
  module: ModuleKey;
  kind: string;
  title: string;
  description: string | null;
  status: string;
  priority: Priority;
  startMs: number;
  endMs: number;
  allDay: boolean;
  timeZone: string;
  organizerId: string | null;
  communityId: string | null;
  location: string | null;
  visibility: 'public' | 'internal' | 'private';
  details: Record<string, unknown>;
}

export const WORKFLOW_ALERT_TYPES = ['follow_up', 'approval', 'escalation', 'overdue'] as const;
export type WorkflowAlertType = (typeof WORKFLOW_ALERT_TYPES)[number];

export interface WorkflowAlert {
  type: WorkflowAlertType;
  entryId: string;
  module: ModuleKey;
  kind: string;
  title: string;
  /** People expected to act (assignee, approver, owner); empty when nobody is named. */
  actorIds: string[];
  /** The moment the alert is about (due, start of leave, …), or null. */
  dueMs: number | null;
  severity: 'info' | 'warning' | 'critical';
  message: string;
}

/**
 * One kind of one module. Methods (not function properties) on purpose: kinds with different
 * details types then fit in one registry list.
 */
export interface KindDefinition<D = Record<string, unknown>> {
  module: ModuleKey;
  kind: string;
  label: string;
  detailsSchema: z.ZodType<D>;
  /** Every status word of the kind and the lifecycle it means. */
  statuses: Readonly<Record<string, Lifecycle>>;
  defaultStatus: string;
  /** A due date rather than an activity: counts in the compliance snapshot. */
  isDeadline: boolean;
  /** Approved leave: blocks the person's availability. */
  isLeave: boolean;
  /** People taking part besides the organizer (participants, assignee, staff on leave, …). */
  peopleOf(details: D): string[];
  resourceIdsOf(details: D): string[];
  /** The instant the item is due (deadline kinds), or null. */
  dueMsOf(entry: EntryLike, details: D): number | null;
  workflowAlerts(entry: EntryLike, details: D, nowMs: number): WorkflowAlert[];
  /**
   * The alerts of one entry as a function of the time, with what does not depend on it (people,
   * due instant, lifecycle) worked out once; null when the kind raises none.
   */
  alertSource(entry: EntryLike, details: D): AlertSource | null;
}

export type AlertSource = (nowMs: number) => WorkflowAlert[];
