/**
 * The modules and kinds the calendar offers: the server's kind catalogue (GET /api/v1/modules/kinds)
 * when it answers, else the same lists generated from the server's module registry at build time
 * (generated/kinds.ts, kept fresh by `npm run lint`). Colours pass WCAG AA with white text; labels
 * are shown from the catalogue (labels.ts) and these English ones only stand in for ids it does not know.
 */
import { GENERATED_LIFECYCLES, GENERATED_MODULES, GENERATED_PRIORITIES } from './generated/kinds';
import { loadKindCatalogue, type KindCatalogue, type KindInfo } from './kinds';

export interface ModuleInfo {
  id: string;
  label: string;
  color: string;
  kinds: Array<{ id: string; label: string }>;
}

export const DEFAULT_MODULES: ModuleInfo[] = GENERATED_MODULES;

/** The common lifecycle words; each kind has its own statuses, which the server checks. */
export const STATUSES: string[] = GENERATED_LIFECYCLES;
export const PRIORITIES: string[] = GENERATED_PRIORITIES;

/** The catalogue's modules with their kinds, in the server's order. */
export function modulesOf(catalogue: KindCatalogue): ModuleInfo[] {
  return catalogue.modules.map((m) => ({
    id: m.module,
    label: m.label,
    color: m.colour,
    kinds: catalogue.kinds.filter((k) => k.module === m.module).map((k) => ({ id: k.kind, label: k.label })),
  }));
}

/** The server's modules and kinds when it gives them, else the defaults. */
export async function loadModules(): Promise<ModuleInfo[]> {
  const catalogue = await loadKindCatalogue();
  const mods = catalogue ? modulesOf(catalogue) : [];
  return mods.length ? mods : DEFAULT_MODULES;
}

/** Whether two module lists offer the same modules, labels, colours and kinds. */
export function sameModules(a: readonly ModuleInfo[], b: readonly ModuleInfo[]): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What the Status select offers for a kind: its own statuses, plus the entry's current one even if
 * the kind does not list it (so that opening an entry never silently changes its status).
 */
export function statusChoices(kind: KindInfo, current: string): string[] {
  const listed = kind.statuses.map((s) => s.status);
  return current && !listed.includes(current) ? [...listed, current] : listed;
}
