/**
 * `kalendaryo ics check FILE [--zone ZONE] [--from START --to END] [--json]`: what importing FILE
 * would create, or the line at fault. Exit 0 for a valid file, 1 for an invalid one, 2 for bad usage.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkIcs, DEFAULT_LIMITS, type EventProps, type IcsCheckResult } from '../../core/ics/index.js';
import { ianaZone, isIanaZone, parseInstant, parseLocalDate, type Zone } from '../../core/time/index.js';

const HELP = `usage: kalendaryo ics check FILE [options]

Reads an iCalendar (.ics) file the way an import would and reports what it would create:
the number of events, the occurrences in a window, each event's description, location and
geo; or, for a file that must be refused, the line at fault and why.

options:
  --zone ZONE        zone for floating times and all-day dates (default Asia/Manila)
  --from START       window start, ISO instant (2026-03-01T00:00:00Z) or date (default: today)
  --to END           window end, exclusive (default: one year after --from)
  --json             print one JSON object instead of a report for people
  --max-bytes N      refuse files larger than N bytes (default ${DEFAULT_LIMITS.maxBytes})
  --help             this text

exit status: 0 valid, 1 invalid, 2 bad usage or unreadable file
`;

function fail(message: string): number {
  process.stderr.write(`kalendaryo ics: ${message}\n`);
  return 2;
}

function parseBound(text: string, zone: Zone): number {
  const instant = parseInstant(text);
  if (instant !== null) return instant;
  const date = parseLocalDate(text);
  return zone.epochMsOf({ ...date, hour: 0, minute: 0, second: 0 });
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (sub !== 'check') return fail(`unknown subcommand "${sub}" (try: kalendaryo ics --help)`);
  const opts: Record<string, string> = {};
  let json = false;
  let file: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (['--zone', '--from', '--to', '--max-bytes'].includes(a)) {
      const v = rest[++i];
      if (v === undefined) return fail(`${a} needs a value`);
      opts[a.slice(2)] = v;
    } else if (a.startsWith('--')) return fail(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else return fail(`unexpected argument ${a}`);
  }
  if (!file) return fail('no FILE given');
  const zoneName = opts.zone ?? 'Asia/Manila';
  if (!isIanaZone(zoneName)) return fail(`--zone ${zoneName} is not an IANA time zone`);
  const zone = ianaZone(zoneName);
  let from: number;
  let to: number;
  try {
    const today = new Date().toISOString().slice(0, 10);
    from = parseBound(opts.from ?? today, zone);
    to = opts.to ? parseBound(opts.to, zone) : from + 366 * 86_400_000;
  } catch (err) {
    return fail((err as Error).message);
  }
  const maxBytes = opts['max-bytes'] ? Number(opts['max-bytes']) : DEFAULT_LIMITS.maxBytes;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) return fail('--max-bytes must be a positive number');
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail(`${file} is not a file`);
  } catch (err) {
    return fail(`cannot read ${file}: ${(err as Error).message}`);
  }
  // Only the JSON carries every event's texts (a person's report does not need them), and they
  // grow with the file: spooled to a temporary file as they are read, not held.
  const spool = json ? new PropsSpool() : null;
  try {
    // 64 KB chunks: larger ones leave more short-lived objects per batch and raise peak memory.
    const result = await checkIcs(createReadStream(file, { highWaterMark: 64 * 1024 }), {
      floatingZone: zone,
      window: [from, to],
      limits: { maxBytes },
      collectProps: json,
      ...(spool ? { onProps: (uid: string, props: EventProps) => spool.add(uid, props) } : {}),
    });
    if (!json) process.stdout.write(describe(file, result, opts.from, opts.to));
    else if (!result.valid || !spool) process.stdout.write(`${JSON.stringify(result)}\n`);
    else await spool.printWith(result);
    return result.valid ? 0 : 1;
  } finally {
    spool?.remove();
  }
}

/**
 * The `props` member of the JSON answer, written out as it is read: `"uid":{…}` fragments in a
 * temporary file, then streamed between the rest of the answer and its closing braces. A UID read
 * twice appears twice; JSON readers keep the last, which is what checkIcs means by it.
 */
class PropsSpool {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'kalendaryo-ics-'));
  private readonly file = path.join(this.dir, 'props.json');
  private readonly fd = openSync(this.file, 'w');
  private buffer = '';
  private count = 0;

  add(uid: string, props: EventProps): void {
    this.buffer += `${this.count++ ? ',' : ''}${JSON.stringify(uid)}:${JSON.stringify(props)}`;
    if (this.buffer.length >= 64 * 1024) this.flush();
  }

  async printWith(result: IcsCheckResult): Promise<void> {
    this.flush();
    closeSync(this.fd);
    const { props: _held, ...rest } = result as Extract<IcsCheckResult, { valid: true }>;
    // `{…,"props":{}}` → `{…,"props":{` + the fragments + `}}`
    process.stdout.write(JSON.stringify({ ...rest, props: {} }).slice(0, -2));
    await pipeline(createReadStream(this.file), process.stdout, { end: false });
    process.stdout.write('}}\n');
  }

  remove(): void {
    try {
      closeSync(this.fd);
    } catch {
      // closed already by printWith
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

function describe(file: string, r: IcsCheckResult, from = 'today', to = 'one year later'): string {
  if (!r.valid) return `${file}:${r.line}: invalid: ${r.reason}\n`;
  const lines = [
    `${file}: valid${r.calendar_name ? ` — calendar "${r.calendar_name}"` : ''}`,
    `  ${r.events} event(s); ${r.occurrences.length} occurrence(s) from ${from} to ${to}`,
  ];
  for (const o of r.occurrences.slice(0, 200)) lines.push(`  ${o.start} → ${o.end}  ${o.summary ?? '(no summary)'}`);
  if (r.occurrences.length > 200) lines.push(`  … and ${r.occurrences.length - 200} more`);
  for (const n of r.not_events) lines.push(`  line ${n.line}: ${n.component} "${n.summary ?? n.uid ?? ''}" is not an event (a task to import separately)`);
  return `${lines.join('\n')}\n`;
}
