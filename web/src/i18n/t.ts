/**
 * Messages by key from the catalogues (locales/*.json) through react-intl. Components call
 * `useT()`; pure functions that put words together take the `IntlShape` and call `translator(intl)`.
 * Keys are typed from the English catalogue, so a key that is not there fails the type check.
 */
import { useMemo } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type en from '../../../locales/en.json';

export type MessageId = keyof typeof en;

declare global {
  // react-intl's own type hook: formatMessage and <FormattedMessage> accept only known keys.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message { ids: MessageId }
  }
}

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;
export type T = (id: MessageId, values?: MessageValues) => string;

export function translator(intl: IntlShape): T {
  return (id, values) => intl.formatMessage({ id }, values);
}

export function useT(): T {
  const intl = useIntl();
  return useMemo(() => translator(intl), [intl]);
}

/**
 * The catalogue's word for something the server names by id (a module, kind, status, field), or
 * the fallback when the catalogue has none yet (a kind added on the server after this build).
 */
export function labelFor(intl: IntlShape, key: string, fallback: string): string {
  return Object.hasOwn(intl.messages, key) ? intl.formatMessage({ id: key as MessageId }) : fallback;
}
