/**
 * The server's kind catalogue (GET /api/v1/modules/kinds): modules, each kind's label, statuses and
 * the JSON Schema of its details. Fetched once per page and shared by the module list and the editor.
 */
import { useEffect, useState } from 'react';
import type { IntlShape } from 'react-intl';
import { request } from './api';
import { translator } from './i18n/t';

export interface KindInfo {
  module: string;
  kind: string;
  label: string;
  colour: string;
  statuses: Array<{ status: string; lifecycle: string }>;
  defaultStatus: string;
  detailsJsonSchema: Record<string, unknown>;
}

export interface KindCatalogue {
  modules: Array<{ module: string; label: string; colour: string }>;
  kinds: KindInfo[];
}

let pending: Promise<KindCatalogue | null> | null = null;

/** The catalogue, or null when the server does not give it (the caller falls back to built-in lists). */
export function loadKindCatalogue(): Promise<KindCatalogue | null> {
  pending ??= request<KindCatalogue>('/api/v1/modules/kinds').then(
    ({ data }) => data,
    (err: unknown) => {
      console.warn('GET /api/v1/modules/kinds failed; the editor offers generic statuses and no kind fields', err);
      pending = null; // a later dialog asks again
      return null;
    },
  );
  return pending;
}

export function useKindCatalogue(): KindCatalogue | null {
  const [catalogue, setCatalogue] = useState<KindCatalogue | null>(null);
  useEffect(() => {
    let live = true;
    void loadKindCatalogue().then((c) => live && setCatalogue(c));
    return () => { live = false; };
  }, []);
  return catalogue;
}

export function findKind(catalogue: KindCatalogue | null, module: string, kind: string): KindInfo | undefined {
  return catalogue?.kinds.find((k) => k.module === module && k.kind === kind);
}

/**
 * The kind's required details left empty, by field ("details.assigneeId"), named before a save
 * without a round trip, once some of the kind's details are filled. Wholly empty details (a quick
 * entry) are left to the server's own check of the kind's rules.
 */
export function missingDetails(kind: KindInfo | undefined, details: Record<string, unknown>, intl: IntlShape): Partial<Record<`details.${string}`, string>> {
  const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  if (Object.values(details).every(empty)) return {};
  const required = (kind?.detailsJsonSchema.required ?? []) as string[];
  return Object.fromEntries(required.filter((key) => empty(details[key])).map((key) => [`details.${key}`, translator(intl)('form.fillIn')]));
}
