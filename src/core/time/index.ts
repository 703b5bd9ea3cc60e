/** Time and zones: the only door other code uses into src/core/time. */
export type { LocalDateTime, Zone } from './zone.js';
export { ianaZone, isIanaZone, UTC_ZONE, fixedOffsetZone } from './iana-zone.js';
export { resolveWallClock, resolveWallMs } from './wall-clock.js';
export {
  localToEpochMs,
  localFromWallMs,
  localAt,
  formatLocalDate,
  formatLocalDateTime,
  formatOffset,
  formatLocalWithOffset,
  formatInstantInZone,
  parseLocalDateTime,
  parseLocalDate,
  parseInstant,
  compareLocal,
  type PlainDateFields,
} from './local.js';
export { daysFromCivil, civilFromDays, daysInMonth, daysInYear, isLeapYear, weekdayOfDays, MS_PER_DAY } from './civil.js';
