/** The English catalogue as an IntlShape, for unit tests of functions that put words together. */
import { createIntl } from 'react-intl';
import en from '../../../locales/en.json';

export const testIntl = createIntl({ locale: 'en-GB', messages: en });
