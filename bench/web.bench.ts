/**
 * The web calendar's download weight: gzip bytes of the JavaScript a browser must fetch before the
 * calendar is usable (the entry chunk, its static imports, the English catalogue, and the lazily loaded
 * shell and calendar page with their imports), read from web/dist's Vite manifest. Target: ≤ 350 KB. Builds web/dist if stale.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Report } from './run.js';
import { monthRenderBench } from './web-render.js';

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(repo, 'web', 'dist');
const CALENDAR_CHUNK = 'src/components/CalendarPage.tsx';

/** A chunk and everything it imports statically, each file once. */
function closure(manifest: Record<string, ManifestChunk>, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`web/dist manifest has no chunk ${key}`);
    seen.add(key);
    closure(manifest, chunk.imports ?? [], seen);
  }
  return seen;
}

const gzipBytes = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;

export default async function webBench(report: Report): Promise<void> {
  execFileSync(process.execPath, [path.join(repo, 'scripts', 'ensure-web-build.mjs')], { cwd: repo, stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('web/dist manifest has no entry');

  const signInKeys = closure(manifest, [entry]);
  // When a lazy chunk (the timeline) shares modules with the calendar page, Rollup may key the page's
  // chunk by its file name ("_CalendarPage-….js") instead of its source path.
  const calendarKey = manifest[CALENDAR_CHUNK] ? CALENDAR_CHUNK : Object.keys(manifest).find((k) => manifest[k]!.name === 'CalendarPage' && manifest[k]!.file.endsWith('.js'));
  if (!calendarKey) throw new Error(`web/dist manifest has no chunk ${CALENDAR_CHUNK}`);
  // The shell (header, navigation, React Aria) and the catalogue are lazy chunks of their own too.
  const byName = (name: string) => Object.keys(manifest).find((k) => manifest[k]!.name === name && manifest[k]!.file.endsWith('.js'));
  const shellKey = manifest['src/shell/Shell.tsx'] ? 'src/shell/Shell.tsx' : byName('Shell');
  const catalogue = Object.keys(manifest).find((k) => k.endsWith('locales/en.json'));
  const usableKeys = closure(manifest, [entry, calendarKey, ...(shellKey ? [shellKey] : []), ...(catalogue ? [catalogue] : [])]);
  signInKeys.add(catalogue ?? entry);
  const js = (keys: Set<string>) => [...keys].reduce((sum, k) => sum + gzipBytes(manifest[k]!.file), 0);
  const css = (keys: Set<string>) => [...keys].flatMap((k) => manifest[k]!.css ?? []).reduce((sum, f) => sum + gzipBytes(f), 0);

  report('web.js_gzip_until_calendar_usable', js(usableKeys) / 1024, 'KiB');
  report('web.css_gzip_until_calendar_usable', css(usableKeys) / 1024, 'KiB');
  report('web.js_gzip_sign_in_page', js(signInKeys) / 1024, 'KiB');
  report('web.js_gzip_budget', 350, 'KiB');
  const timeline = Object.keys(manifest).find((k) => k.endsWith('TimelineView.tsx'));
  if (timeline) report('web.js_gzip_timeline_chunk_lazy', js(new Set([timeline])) / 1024, 'KiB');
  await monthRenderBench(report);
}
