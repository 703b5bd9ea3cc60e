/**
 * The kinds as plain JSON for the API and the web app: labels, colours, statuses with their
 * lifecycle, and the details JSON Schema from which forms can be built.
 */
import { z } from 'zod';
import type { Lifecycle, ModuleKey } from './model.js';
import { listKinds, MODULE_META, MODULES } from './registry.js';

export interface KindDescription {
  module: ModuleKey;
  kind: string;
  label: string;
  colour: string;
  statuses: { status: string; lifecycle: Lifecycle }[];
  defaultStatus: string;
  isDeadline: boolean;
  isLeave: boolean;
  detailsJsonSchema: unknown;
}

export function describeKinds(): { modules: { module: ModuleKey; label: string; colour: string }[]; kinds: KindDescription[] } {
  return {
    modules: MODULES.map((m) => ({ module: m, ...MODULE_META[m] })),
    kinds: listKinds().map((k) => ({
      module: k.module,
      kind: k.kind,
      label: k.label,
      colour: k.colour,
      statuses: Object.entries(k.statuses).map(([status, lifecycle]) => ({ status, lifecycle })),
      defaultStatus: k.defaultStatus,
      isDeadline: k.isDeadline,
      isLeave: k.isLeave,
      detailsJsonSchema: z.toJSONSchema(k.detailsSchema, { io: 'input' }),
    })),
  };
}
