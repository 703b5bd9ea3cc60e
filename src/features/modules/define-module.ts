/**
 * defineModule: one module as one value — its label and colour, its entry kinds and its record types
 * (the `/api/v1/modules/<module>/<type>` path segment, schema, projection and privacy). The registry
 * builds every list (kinds, record types, labels, colours) from the modules, so a module is declared
 * once, in its own `index.ts`.
 */
import type { z } from 'zod';
import type { EntryDraft, KindDefinition, ModuleKey } from './model.js';

// The list of kinds has one details type per kind; the registry works on them through the
// KindDefinition methods only, so it holds them as the widest type.
export type AnyKind = KindDefinition<any> & { colour: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Who may read a record in full. `internal`: everyone who may read the module. `private`: the
 * person it is about (`subjectField`), the people named to decide on it (`approverFields`) and those
 * who act for staff (admins, managers); to anyone else it does not exist (404, not listed) — its
 * time shows on the calendar as busy only, through its private entries. Fields are dotted paths in
 * the record ("details.staffId") holding a user id or a list of them.
 */
export type RecordPrivacy =
  | { level: 'internal' }
  | { level: 'private'; subjectField: string; approverFields: readonly string[] };

/** A record whose status changes only through a decision use case, never by writing it. */
export interface DecidedStatus {
  initial: string;
  /** Where it changes, for the refusal's message. */
  through: string;
}

/** One kind of module record: its path segment, schema, how it projects onto entries, and who reads it. */
export interface RecordType {
  module: ModuleKey;
  /** The path segment: `/api/v1/modules/<module>/<type>`. */
  type: string;
  label: string;
  schema: z.ZodType<{ id: string } & Record<string, unknown>>;
  project: (record: never) => EntryDraft[];
  privacy: RecordPrivacy;
  decidedStatus: DecidedStatus | null;
}

export interface ModuleDefinition<M extends ModuleKey = ModuleKey> {
  module: M;
  label: string;
  /** Entries are drawn with white text on it: WCAG AA (≥ 4.5:1), checked in colours.test.ts. */
  colour: string;
  kinds: readonly AnyKind[];
  recordTypes: readonly RecordType[];
}

export const INTERNAL: RecordPrivacy = { level: 'internal' };

const FIELD_PATH = /^[A-Za-z]+(\.[A-Za-z]+)*$/;

/** Readable in full by the person named in `subjectField`, the approvers, managers and admins only. */
export function privateTo(subjectField: string, ...approverFields: string[]): RecordPrivacy {
  for (const f of [subjectField, ...approverFields]) if (!FIELD_PATH.test(f)) throw new Error(`record privacy: bad field path ${f}`);
  return { level: 'private', subjectField, approverFields };
}

/** A record type with its projection typed by its schema; the module is filled in by defineModule. */
export function recordType<S extends z.ZodType>(spec: {
  type: string;
  label: string;
  schema: S;
  project: (record: z.infer<S>) => EntryDraft[];
  privacy?: RecordPrivacy;
  decidedStatus?: DecidedStatus;
}): Omit<RecordType, 'module'> {
  return {
    type: spec.type, label: spec.label, schema: spec.schema as unknown as RecordType['schema'], project: spec.project as RecordType['project'],
    privacy: spec.privacy ?? INTERNAL, decidedStatus: spec.decidedStatus ?? null,
  };
}

export function defineModule<M extends ModuleKey>(spec: {
  module: M;
  label: string;
  colour: string;
  kinds: readonly KindDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  recordTypes?: readonly Omit<RecordType, 'module'>[];
}): ModuleDefinition<M> {
  for (const k of spec.kinds) if (k.module !== spec.module) throw new Error(`${spec.module}: kind ${k.module}.${k.kind} belongs to another module`);
  return {
    module: spec.module, label: spec.label, colour: spec.colour,
    kinds: spec.kinds.map((k) => ({ ...k, colour: spec.colour })),
    recordTypes: (spec.recordTypes ?? []).map((r) => ({ ...r, module: spec.module })),
  };
}
