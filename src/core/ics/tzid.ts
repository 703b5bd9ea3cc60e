import { Temporal } from 'temporal-polyfill';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { ianaZone, isIanaZone, type Zone } from '../time/index.js';

/** Windows zone name (lower-cased) → IANA name, from CLDR windowsZones, territory 001. */
let windowsTable: Map<string, string> | null = null;

/** The IANA zone CLDR gives for a Windows zone name ("Singapore Standard Time" → Asia/Singapore). */
export function ianaForWindowsZone(name: string): string | null {
  if (!windowsTable) {
    windowsTable = new Map();
    for (const row of WINDOWS_TO_IANA_MAP) {
      if (row.territory === '001' && row.iana[0]) windowsTable.set(row.windowsName.toLowerCase(), row.iana[0]);
    }
  }
  return windowsTable.get(name.trim().toLowerCase()) ?? null;
}

/**
 * The IANA name a TZID stands for, if any: the name itself, a Windows name through CLDR, or an old
 * Lightning-style "/mozilla.org/20050126_1/Asia/Manila" prefix. Such TZIDs are read as the IANA zone
 * even when the file has a VTIMEZONE for them, because the IANA rules cover every year while a
 * producer's VTIMEZONE often covers only recent ones (the README of conformance/ics relies on this).
 */
export function ianaNameForTzid(tzid: string): string | null {
  let answer = answered.get(tzid);
  if (answer === undefined) {
    answer = lookUpTzid(tzid);
    // Bounded: TZIDs come from files, and a hostile file may hold many.
    if (answered.size < 5000) answered.set(tzid, answer);
  }
  return answer;
}

/** Asking Temporal whether a name exists costs microseconds: files repeat a few TZIDs thousands of times. */
const answered = new Map<string, string | null>();

function lookUpTzid(tzid: string): string | null {
  const name = tzid.trim();
  if (isIanaZone(name)) return canonicalCase(name);
  const windows = ianaForWindowsZone(name);
  if (windows) return windows;
  const prefixed = /^\/.*?\/([A-Za-z_]+\/[A-Za-z_\-+0-9/]+)$/.exec(name);
  if (prefixed) {
    const segments = prefixed[1]!.split('/');
    for (let i = 0; i < segments.length - 1; i++) {
      const candidate = segments.slice(i).join('/');
      if (isIanaZone(candidate)) return canonicalCase(candidate);
    }
  }
  return null;
}

/** "asia/manila" → "Asia/Manila": Temporal accepts any case, stored ids should have one. */
function canonicalCase(name: string): string {
  return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name).timeZoneId;
}

/** Resolves TZIDs: IANA/Windows names first, then the file's own VTIMEZONE zones. */
export class TzidResolver {
  private readonly custom = new Map<string, Zone>();
  /** IANA/Windows answers, cached: asking Temporal whether a name exists is slow. */
  private readonly known = new Map<string, Zone | null>();

  addVtimezone(zone: Zone): void {
    this.custom.set(zone.id, zone);
  }

  hasVtimezone(tzid: string): boolean {
    return this.custom.has(tzid.trim());
  }

  resolve(tzid: string): Zone | null {
    let known = this.known.get(tzid);
    if (known === undefined) {
      const iana = ianaNameForTzid(tzid);
      known = iana ? ianaZone(iana) : null;
      this.known.set(tzid, known);
    }
    return known ?? this.custom.get(tzid.trim()) ?? null;
  }
}
