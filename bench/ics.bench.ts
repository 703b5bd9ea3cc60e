/**
 * ICS import: time of `kalendaryo ics check` on the 5,000-event conformance file, and peak memory
 * (max RSS of a child process) of checking and of streaming an import of generated 5 MB and 50 MB
 * files. Generated files go to the system temp folder and are removed afterwards.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { Report } from './run.js';
import { checkIcs, readIcsEntries, writeIcs, type ExportEvent } from '../src/core/ics/index.js';
import { ianaZone } from '../src/core/time/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const largeFile = path.resolve(repoRoot, 'test/fixtures/conformance/ics/large-5000-events.ics');

function run(cmd: string, args: string[]): Promise<{ ms: number; out: string; code: number | null }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ ms: performance.now() - t0, out, code }));
  });
}

function* generatedEvents(count: number): Generator<ExportEvent> {
  const text = 'Pulong ng mga kawani; agenda: ulat, badyet, at iba pa – تقرير الاجتماع. ';
  for (let i = 0; i < count; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const start = { year: 2026, month, day, hour: 8 + (i % 9), minute: 0, second: 0 };
    const e: ExportEvent = {
      uid: `bench-${i}@kalendaryo`, dtstamp: Date.UTC(2026, 0, 1), title: `Event ${i}, Brgy. ${i % 300}`,
      description: text.repeat(3), location: `Municipal Hall\\${i % 50}, Cotabato`,
      allDay: false, timeZone: 'Asia/Manila', start, end: { ...start, hour: start.hour + 1 },
      rrule: i % 10 === 0 ? 'FREQ=WEEKLY;COUNT=10' : null,
    };
    yield e;
    // Every tenth series gets an override far from its master, after the next few events.
    if (i % 10 === 0) yield { ...e, title: `${e.title} (moved)`, rrule: null, recurrenceId: { ...start, day: start.day }, start: { ...start, hour: 17 }, end: { ...start, hour: 18 } };
  }
}

export async function generate(file: string, targetBytes: number): Promise<number> {
  const out = createWriteStream(file);
  const perEvent = 560; // measured size of one generated VEVENT, overrides included on average
  for await (const chunk of writeIcs({ name: 'bench', timeZones: ['Asia/Manila'], years: [2026, 2027] }, generatedEvents(Math.round(targetBytes / perEvent)))) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  out.end();
  await finished(out);
  return statSync(file).size;
}

/** Child mode: read one file one way and print the peak RSS in MB. */
async function child(mode: string, file: string): Promise<void> {
  const zone = ianaZone('Asia/Manila');
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  let n = 0;
  if (mode === 'check-json') {
    // The command itself, as the conformance checker runs it: its answer carries every event's
    // texts, which it spools to a file rather than holding. Its output is counted and dropped here.
    const write = process.stdout.write.bind(process.stdout);
    let bytes = 0;
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
    const { run } = await import('../src/cli/commands/ics.js');
    const code = await run([file, '--zone', 'Asia/Manila', '--json', '--from', '2026-03-01', '--to', '2026-04-01']);
    process.stdout.write = write;
    write(JSON.stringify({ n: code === 0 ? bytes : -1, peakMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  if (mode.startsWith('check')) {
    const window: [number, number] = [Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1)];
    const r = await checkIcs(stream, { floatingZone: zone, window, collectProps: false });
    n = r.valid ? r.events : -1;
  } else {
    for await (const rec of readIcsEntries(stream, { floatingZone: zone })) if (rec.type === 'entry') n++;
  }
  process.stdout.write(JSON.stringify({ n, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

export default async function (report: Report): Promise<void> {
  const from = '2026-04-01T00:00:00Z';
  const to = '2026-10-01T00:00:00Z';
  const cli = await run(process.execPath, ['bin/kalendaryo.mjs', 'ics', 'check', largeFile, '--json', '--from', from, '--to', to]);
  if (cli.code !== 0) throw new Error(`ics check exited ${cli.code}`);
  report('ics check 5000-event file (CLI, process start included)', cli.ms, 'ms');
  // Wall time suffers when the machine is shared; CPU time says what the check itself costs.
  for (const round of ['cold', 'warm']) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await checkIcs(createReadStream(largeFile, { highWaterMark: 64 * 1024 }), { floatingZone: ianaZone('Asia/Manila'), window: [Date.parse(from), Date.parse(to)] });
    const cpu = process.cpuUsage(c0);
    report(`checkIcs 5000-event file, in process, ${round}: wall`, performance.now() - t0, 'ms');
    report(`checkIcs 5000-event file, in process, ${round}: CPU`, (cpu.user + cpu.system) / 1000, 'ms');
  }

  const peaks: Record<string, number> = {};
  for (const mb of [5, 50]) {
    const file = path.join(os.tmpdir(), `kalendaryo-bench-${process.pid}-${mb}mb.ics`);
    try {
      const size = await generate(file, mb * 1024 * 1024);
      report(`generated file ${mb} MB`, size / 1024 / 1024, 'MB');
      for (const mode of ['import', 'check', 'check-json']) {
        const r = await run(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--ics-child', mode, file]);
        const { peakMb } = JSON.parse(r.out) as { peakMb: number };
        peaks[`${mode}${mb}`] = peakMb;
        report(`peak RSS, ${mode} of ${mb} MB file`, peakMb, 'MB');
      }
    } finally {
      rmSync(file, { force: true });
    }
  }
  for (const mode of ['import', 'check', 'check-json']) report(`peak RSS growth 5 MB → 50 MB, ${mode} (target ≤ 50)`, peaks[`${mode}50`]! - peaks[`${mode}5`]!, 'MB');
}

const childAt = process.argv.indexOf('--ics-child');
if (childAt >= 0) await child(process.argv[childAt + 1]!, process.argv[childAt + 2]!);
