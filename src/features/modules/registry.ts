/**
 * The module registry: every module in one list, and what is built from it — the kinds, looked up
 * by (module, kind), the record types, labels and colours. Views, feeds, overview and conflict
 * checks ask here for labels, colours, lifecycles, people and alerts; a module declares itself once
 * in its `<module>/index.ts`, and adding a module is adding its line to MODULE_DEFINITIONS.
 */
import { communityModule } from './community/index.js';
import { coordinationModule } from './coordination/index.js';
import type { AnyKind, RecordType } from './define-module.js';
import { generalModule } from './general/index.js';
import { manaModule } from './mana/index.js';
import type { AlertSource, EntryLike, Lifecycle, WorkflowAlert } from './model.js';
import { planningModule } from './planning/index.js';
import { policyModule } from './policy/index.js';
import { staffModule } from './staff/index.js';

export { LIFECYCLES, CLOSED_LIFECYCLES, PRIORITIES } from './model.js';
export type { EntryLike, EntryDraft, KindDefinition, Lifecycle, Priority, WorkflowAlert } from './model.js';
export type { AnyKind, RecordType } from './define-module.js';

/** Every module, in the order views list them. */
export const MODULE_DEFINITIONS = [coordinationModule, manaModule, staffModule, policyModule, planningModule, communityModule, generalModule] as const;

export type ModuleKey = (typeof MODULE_DEFINITIONS)[number]['module'];

/** The module keys, in order (a tuple, so that zod can enumerate them). */
export const MODULES = MODULE_DEFINITIONS.map((m) => m.module) as unknown as readonly [ModuleKey, ...ModuleKey[]];

export const MODULE_META = Object.fromEntries(MODULE_DEFINITIONS.map((m) => [m.module, { label: m.label, colour: m.colour }])) as Readonly<Record<ModuleKey, { label: string; colour: string }>>;

export const ALL_KINDS: readonly AnyKind[] = MODULE_DEFINITIONS.flatMap((m) => m.kinds);

/** `/api/v1/modules/<module>/<type>`: every record type of every module, in one list. */
export const RECORD_TYPES: readonly RecordType[] = MODULE_DEFINITIONS.flatMap((m) => m.recordTypes);

const BY_KEY = new Map<string, AnyKind>(ALL_KINDS.map((k) => [`${k.module}.${k.kind}`, k]));
if (BY_KEY.size !== ALL_KINDS.length) throw new Error('kind registry: duplicate (module, kind)');
if (new Set(RECORD_TYPES.map((r) => `${r.module}/${r.type}`)).size !== RECORD_TYPES.length) throw new Error('record registry: duplicate (module, type)');

// Looked up per occurrence on the overview's path: two map lookups, no key string to build.
const BY_MODULE = new Map<string, Map<string, AnyKind>>();
for (const k of ALL_KINDS) {
  let kinds = BY_MODULE.get(k.module);
  if (!kinds) BY_MODULE.set(k.module, (kinds = new Map()));
  kinds.set(k.kind, k);
}

export function getKind(module: string, kind: string): AnyKind | undefined {
  return BY_MODULE.get(module)?.get(kind);
}

type ParsedDetails = { success: true; data: unknown } | { success: false };
const parsedDetails = new WeakMap<object, { kind: AnyKind; result: ParsedDetails }>();

/**
 * An entry's details read through its kind's schema, kept per details object: the overview reads
 * the same stored rows again and again (the occurrence cache keeps them), three times per occurrence.
 */
export function parseDetailsOf(kind: AnyKind, details: Record<string, unknown>): ParsedDetails {
  const known = parsedDetails.get(details);
  if (known && known.kind === kind) return known.result;
  let parsed = kind.detailsSchema.safeParse(details);
  // Keys the kind does not know (another system's data, which the entries API keeps) hide nothing it knows.
  if (!parsed.success && parsed.error.issues.every((i) => i.code === 'unrecognized_keys' && i.path.length === 0)) {
    const unknown = new Set(parsed.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : [])));
    parsed = kind.detailsSchema.safeParse(Object.fromEntries(Object.entries(details).filter(([k]) => !unknown.has(k))));
  }
  const result: ParsedDetails = parsed.success ? { success: true, data: parsed.data } : { success: false };
  parsedDetails.set(details, { kind, result });
  return result;
}

export function listKinds(module?: ModuleKey): readonly AnyKind[] {
  return module ? ALL_KINDS.filter((k) => k.module === module) : ALL_KINDS;
}

/**
 * The common lifecycle of a status. An unknown kind or status maps to 'planned' so an item with a
 * status the registry does not know yet still shows (and stays open) rather than vanishing.
 */
export function lifecycleOf(module: string, kind: string, status: string): Lifecycle {
  return getKind(module, kind)?.statuses[status] ?? 'planned';
}

export type DetailsCheck = { ok: true; details: Record<string, unknown> } | { ok: false; issues: { path: string; message: string }[] };

/**
 * Validates (and fills defaults of) kind-specific details; unknown kinds and statuses are refused.
 * `allowUnknownKeys`: keys the kind does not know are not issues (the entries API keeps them as
 * another system's data); the details then come back as given.
 */
export function parseDetails(module: string, kind: string, details: unknown, options: { allowUnknownKeys?: boolean } = {}): DetailsCheck {
  const def = getKind(module, kind);
  if (!def) return { ok: false, issues: [{ path: 'kind', message: `unknown kind ${module}.${kind}` }] };
  const result = def.detailsSchema.safeParse(details ?? {});
  if (result.success) return { ok: true, details: result.data as Record<string, unknown> };
  const issues = result.error.issues
    .filter((i) => !(options.allowUnknownKeys && i.code === 'unrecognized_keys'))
    .map((i) => ({ path: ['details', ...i.path.map(String)].join('.'), message: i.message }));
  return issues.length ? { ok: false, issues } : { ok: true, details: (details ?? {}) as Record<string, unknown> };
}

export function isKnownStatus(module: string, kind: string, status: string): boolean {
  return getKind(module, kind)?.statuses[status] !== undefined;
}

/** Workflow alerts the entry raises at `nowMs`; entries with invalid details raise none. */
export function workflowAlertsOf(entry: EntryLike, nowMs: number): WorkflowAlert[] {
  return alertSourceOf(entry)?.(nowMs) ?? [];
}

/** workflowAlertsOf as a function of the time, for an entry asked again and again (the overview's cached occurrences). */
export function alertSourceOf(entry: EntryLike): AlertSource | null {
  const def = getKind(entry.module, entry.kind);
  if (!def) return null;
  const parsed = parseDetailsOf(def, entry.details);
  return parsed.success ? def.alertSource(entry, parsed.data) : null;
}
