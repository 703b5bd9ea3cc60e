/**
 * The field app on a slow link (Chromium network emulation: 1.6 Mbps down, 750 kbps up, 150 ms
 * RTT, "3G-like"), at 360 px:
 * - first load: a signed-in phone that never opened Kalendaryo opens /field; timed from navigation
 *   start to the first agenda row drawn (target < 5 s);
 * - repeat visit: the same, once the service worker and IndexedDB hold the app and the agenda
 *   (target < 1 s);
 * - 500 check-in scans queued offline (one per participant), then the page opened online: time
 *   until the server has confirmed every one (results written back on the device).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Report } from './run.js';
import { launchBrowser } from '../test/e2e/browser.js';
import { apiSession } from '../test/e2e/api-session.js';
import { createTestApp } from '../test/support/app.js';
import { percentile } from './support.js';

const THREE_G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const RUNS = 5;
const SCANS = 500;

const dist = fileURLToPath(new URL('../web/dist', import.meta.url));

/** Gzip bytes of the JS before the agenda is usable: the entry chunk, the field chunk and their static imports. */
function fieldJsGzip(): number {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const i of manifest[key].imports ?? []) visit(i);
  };
  for (const key of Object.keys(manifest)) if (manifest[key]!.isEntry || key.endsWith('field/FieldApp.tsx')) visit(key);
  return [...seen].reduce((sum, k) => sum + gzipSync(readFileSync(path.join(dist, manifest[k]!.file)), { level: 9 }).length, 0);
}

export default async function fieldBench(report: Report): Promise<void> {
  report('field.js_gzip_until_agenda_usable', fieldJsGzip() / 1024, 'KiB');
  const t = await createTestApp();
  const browser = await launchBrowser();
  try {
    const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await apiSession(baseUrl, t.admin.email, t.admin.password);
    const calendars = (await admin.call<{ items: Array<{ id: string; module: string | null }> }>('GET', '/api/v1/calendars')).body.items;
    const calendarId = calendars.find((c) => c.module === 'coordination')!.id;
    const day = Math.ceil(Date.now() / 86_400_000) * 86_400_000;
    let entryId = '';
    for (let i = 0; i < 30; i++) {
      const start = new Date(day + Math.floor(i / 2) * 86_400_000 + (8 + (i % 2) * 4) * 3_600_000).toISOString();
      const end = new Date(Date.parse(start) + 2 * 3_600_000).toISOString();
      const res = await admin.call<{ id: string }>('POST', '/api/v1/entries', { title: `Field visit ${i}`, start, end, location: `Barangay ${i}`, calendarId });
      if (i === 0) entryId = res.body.id;
    }
    await t.testDb.database.query(
      `insert into entry_participants (organization_id, entry_id, name) select organization_id, id, 'Person ' || g from entries, generate_series(1, $2) g where id = $1`,
      [entryId, SCANS],
    );
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(t.admin) });
    const cookies = login.headers.getSetCookie().map((c) => { const [pair] = c.split(';'); const [name, ...v] = pair!.split('='); return { name: name!, value: v.join('='), url: baseUrl }; });

    const first: number[] = [];
    const repeat: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, timezoneId: 'UTC' });
      await context.addCookies(cookies);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', THREE_G);
      const usable = async () => {
        await page.getByRole('link', { name: /Field visit/ }).first().waitFor({ timeout: 60_000 });
        return page.evaluate(() => performance.now());
      };
      await page.goto(`${baseUrl}/field`);
      first.push(await usable());
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
      await page.getByTestId('refreshed').filter({ hasText: 'Last refreshed' }).waitFor({ timeout: 60_000 });
      await page.goto(`${baseUrl}/field`);
      repeat.push(await usable());
      await context.close();
    }
    const median = (list: number[]) => percentile([...list].sort((a, b) => a - b), 50);
    report('field.first_load_3g_until_agenda_p50', median(first), 'ms');
    report('field.first_load_3g_until_agenda_max', Math.max(...first), 'ms');
    report('field.repeat_visit_3g_until_agenda_p50', median(repeat), 'ms');
    report('field.repeat_visit_3g_until_agenda_max', Math.max(...repeat), 'ms');

    // 500 scans waiting on the device, then the check-in screen opened on the slow link.
    const participants = await t.testDb.database.query<{ id: string }>('select id from entry_participants where entry_id = $1', [entryId]);
    if (participants.length !== SCANS) throw new Error(`${participants.length} participants, not ${SCANS}`);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, timezoneId: 'UTC' });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/field/self`);
    await page.getByRole('heading', { name: 'Check myself in' }).waitFor();
    await page.evaluate(async ({ ids, entry }) => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('kalendaryo-field'); r.onsuccess = () => resolve(r.result); });
      const tx = db.transaction('scans', 'readwrite');
      const now = new Date().toISOString();
      for (const id of ids) tx.objectStore('scans').put({ idempotencyKey: crypto.randomUUID(), clientTime: now, kind: 'organizer', entryId: entry, method: 'manual', participantId: id, label: id, state: 'waiting' });
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
      const count = await new Promise<number>((resolve) => { const c = db.transaction('scans').objectStore('scans').count(); c.onsuccess = () => resolve(c.result); });
      if (count < ids.length) throw new Error(`only ${count} of ${ids.length} scans were queued`);
    }, { ids: participants.map((p) => p.id), entry: entryId });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THREE_G);
    const started = Date.now();
    await page.goto(`${baseUrl}/field/check-in/${entryId}`);
    const waiting = () => page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('kalendaryo-field'); r.onsuccess = () => resolve(r.result); });
      const rows = await new Promise<Array<{ state: string }>>((resolve) => { const g = db.transaction('scans').objectStore('scans').getAll(); g.onsuccess = () => resolve(g.result); });
      return rows.filter((r) => r.state === 'waiting').length;
    });
    while ((await waiting()) > 0) {
      if (Date.now() - started > 120_000) throw new Error('the queue was not sent within 2 minutes');
      await new Promise((r) => setTimeout(r, 50));
    }
    report('field.queue_500_scans_synced_3g', Date.now() - started, 'ms');
    const states = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('kalendaryo-field'); r.onsuccess = () => resolve(r.result); });
      const rows = await new Promise<Array<{ state: string; message?: string }>>((resolve) => { const g = db.transaction('scans').objectStore('scans').getAll(); g.onsuccess = () => resolve(g.result); });
      return { applied: rows.filter((r) => r.state === 'applied').length, other: rows.some((r) => r.state !== 'applied') ? JSON.stringify(rows.find((r) => r.state !== 'applied')) : null };
    });
    if (states.other) process.stderr.write(`field bench: a scan was not applied: ${states.other}\n`);
    report('field.queue_500_scans_applied_on_device', states.applied, 'scans');
    const [row] = await t.testDb.database.query<{ n: number }>("select count(*)::int as n from attendance_records where entry_id = $1 and status = 'checked_in'", [entryId]);
    report('field.queue_500_scans_checked_in_on_server', row!.n, 'check-ins');
    await context.close();
  } finally {
    await browser.close();
    await t.close();
  }
}
