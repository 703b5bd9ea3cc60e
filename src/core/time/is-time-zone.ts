const known = new Map<string, boolean>();

/** True for IANA zone names the runtime knows (Asia/Manila, UTC, …); cached because it is asked per request. */
export function isTimeZone(name: string): boolean {
  let ok = known.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      ok = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name);
    } catch {
      ok = false;
    }
    if (known.size < 10_000) known.set(name, ok);
  }
  return ok;
}
