/**
 * Words for what the server names by id — modules, kinds, statuses, priorities, resource types,
 * generated form fields and their choices — from the catalogue (`module.staff`, `kind.staff.leave`,
 * `status.in_progress`, `field.dueDate`, `value.sick`), or a readable fallback when the catalogue
 * does not know the id yet (something added on the server after this build).
 */
import { useMemo } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { labelFor } from './i18n/t';

export function humanize(id: string): string {
  return id.replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** "dueDate" → "Due date", "assigneeId" → "Assignee id". */
export const labelOfKey = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/Id$/, ' id').toLowerCase().replace(/^./, (c) => c.toUpperCase());

export function labelsOf(intl: IntlShape) {
  return {
    module: (id: string, fallback = humanize(id)) => labelFor(intl, `module.${id}`, fallback),
    kind: (module: string, kind: string, fallback = humanize(kind)) => labelFor(intl, `kind.${module}.${kind}`, fallback),
    status: (id: string) => labelFor(intl, `status.${id}`, humanize(id)),
    priority: (id: string) => labelFor(intl, `priority.${id}`, humanize(id)),
    resourceType: (id: string) => labelFor(intl, `resourceType.${id}`, humanize(id)),
    role: (id: string) => labelFor(intl, `participantRole.${id}`, humanize(id)),
    field: (key: string) => labelFor(intl, `field.${key}`, labelOfKey(key)),
    value: (id: string) => labelFor(intl, `value.${id}`, humanize(id)),
    recordType: (module: string, type: string, fallback: string) => labelFor(intl, `recordType.${module}.${type}`, fallback),
  };
}

export type Labels = ReturnType<typeof labelsOf>;

export function useLabels(): Labels {
  const intl = useIntl();
  return useMemo(() => labelsOf(intl), [intl]);
}
