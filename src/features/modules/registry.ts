/**
 * The kind registry: every module kind in one list, looked up by (module, kind). Views, feeds,
 * overview and conflict checks ask here for labels, colours, lifecycles, people and alerts, so a
 * module adds a kind by adding it to its kinds file only.
 */
import { communityKinds } from './community/kinds.js';
import { coordinationKinds } from './coordination/kinds.js';
import { generalKinds } from './general/kinds.js';
import { manaKinds } from './mana/kinds.js';
import type { AlertSource, EntryLike, KindDefinition, Lifecycle, ModuleKey, WorkflowAlert } from './model.js';
import { planningKinds } from './planning/kinds.js';
import { policyKinds } from './policy/kinds.js';
import { staffKinds } from './staff/kinds.js';

export { MODULES, LIFECYCLES, CLOSED_LIFECYCLES, PRIORITIES } from './model.js';
export type { EntryLike, EntryDraft, KindDefinition, Lifecycle, ModuleKey, Priority, WorkflowAlert } from './model.js';
export { MODULE_META } from './colours.js';

// The list of kinds has one details type per kind; the registry works on them through the
// KindDefinition methods only, so it holds them as the widest type.
export type AnyKind = KindDefinition<any> & { colour: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

const ALL_KINDS: readonly AnyKind[] = [...coordinationKinds, ...manaKinds, ...staffKinds, ...policyKinds, ...planningKinds, ...communityKinds, ...generalKinds];

const BY_KEY = new Map<string, AnyKind>(ALL_KINDS.map((k) => [`${k.module}.${k.kind}`, k]));
if (BY_KEY.size !== ALL_KINDS.length) throw new Error('kind registry: duplicate (module, kind)');

// Looked up per occurrence on the overview's path: two map lookups, no key string to build.
const BY_MODULE = new Map<string, Map<string, AnyKind>>();
for (const k of ALL_KINDS) {
  let kinds = BY_MODULE.get(k.module);
  if (!kinds) BY_MODULE.set(k.module, (kinds = new Map()));
  kinds.set(k.kind, k);
}

export function getKind(module: ModuleKey | string, kind: string): AnyKind | undefined {
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
export function lifecycleOf(module: ModuleKey | string, kind: string, status: string): Lifecycle {
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
