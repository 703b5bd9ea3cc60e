/**
 * defineKind: builds a KindDefinition from the few facts a kind states — which details fields name
 * people and resources, which holds the due date — so the kind files stay declarative.
 */
import type { z } from 'zod';
import { endOfDateMs } from './dates.js';
import type { EntryLike, KindDefinition, Lifecycle, ModuleKey, WorkflowAlert } from './model.js';

export interface KindSpec<D> {
  module: ModuleKey;
  kind: string;
  label: string;
  detailsSchema: z.ZodType<D>;
  statuses: Readonly<Record<string, Lifecycle>>;
  defaultStatus: string;
  isDeadline?: boolean;
  isLeave?: boolean;
  /** Details fields holding a person id or a list of them. */
  personFields?: readonly (keyof D & string)[];
  resourceFields?: readonly (keyof D & string)[];
  /** Details field holding the due date (YYYY-MM-DD); due at the end of that day in the entry zone. */
  dueDateField?: keyof D & string;
  alerts?: (entry: EntryLike, details: D, ctx: AlertContext) => WorkflowAlert[];
}

export interface AlertContext {
  nowMs: number;
  lifecycle: Lifecycle;
  dueMs: number | null;
  /** Organizer plus the kind's people: who acts when nobody more specific is named. */
  peopleIds: string[];
}

function idsIn(details: object, fields: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const field of fields ?? []) {
    const value = (details as Record<string, unknown>)[field];
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') out.push(v);
  }
  return [...new Set(out)];
}

export function defineKind<D extends object>(spec: KindSpec<D>): KindDefinition<D> {
  if (!(spec.defaultStatus in spec.statuses)) throw new Error(`${spec.module}.${spec.kind}: default status not in vocabulary`);
  const kind: KindDefinition<D> = {
    module: spec.module,
    kind: spec.kind,
    label: spec.label,
    detailsSchema: spec.detailsSchema,
    statuses: spec.statuses,
    defaultStatus: spec.defaultStatus,
    isDeadline: spec.isDeadline ?? false,
    isLeave: spec.isLeave ?? false,
    peopleOf: (details) => idsIn(details, spec.personFields),
    resourceIdsOf: (details) => idsIn(details, spec.resourceFields),
    dueMsOf(entry, details) {
      const field = spec.dueDateField;
      const value = field ? (details as Record<string, unknown>)[field] : undefined;
      if (typeof value === 'string') return endOfDateMs(value, entry.timeZone);
      return spec.isDeadline ? entry.endMs : null;
    },
    workflowAlerts(entry, details, nowMs) {
      return kind.alertSource(entry, details)?.(nowMs) ?? [];
    },
    alertSource(entry, details) {
      const alerts = spec.alerts;
      if (!alerts) return null;
      // Same reading as lifecycleOf: a status the kind does not know counts as planned (open).
      const lifecycle = spec.statuses[entry.status] ?? 'planned';
      const peopleIds = [...new Set([...(entry.organizerId ? [entry.organizerId] : []), ...kind.peopleOf(details)])];
      const dueMs = kind.dueMsOf(entry, details);
      return (nowMs) => alerts(entry, details, { nowMs, lifecycle, dueMs, peopleIds });
    },
  };
  return kind;
}
