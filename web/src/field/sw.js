/* global self, caches, clients */
/**
 * Kalendaryo's service worker (template: web/field-sw.ts prepends VERSION and PRECACHE at build).
 * - install: caches the app shell (index.html for every page) and every hashed asset of this build;
 * - fetch: navigations answered with this version's cached shell (network when not cached); /assets/* cache-first (hashed
 *   names never change); icons and manifest stale-while-revalidate; /api is never touched (the app
 *   keeps its own offline data in IndexedDB, with the time it was refreshed);
 * - a new build waits until the page says SKIP_WAITING (the "update available" prompt);
 * - push: shows the notification, a click opens (or focuses) the entry it is about.
 */
const SHELL = `kalendaryo-shell-${VERSION}`;
const ASSETS = 'kalendaryo-assets';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL);
    await shell.addAll(['/', '/manifest.webmanifest', '/icons/icon-192.png']);
    const assets = await caches.open(ASSETS);
    // One asset that fails (a flaky link) must not cost the whole install: it is fetched on use.
    await Promise.allSettled(PRECACHE.map(async (url) => {
      if (!(await assets.match(url))) await assets.add(url);
    }));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keep = new Set([SHELL, ASSETS]);
    for (const name of await caches.keys()) if (name.startsWith('kalendaryo-') && !keep.has(name)) await caches.delete(name);
    // Drop assets of older builds (not in this one's list and not fetched lazily since).
    const assets = await caches.open(ASSETS);
    const current = new Set(PRECACHE.map((u) => new URL(u, self.location.origin).href));
    for (const request of await assets.keys()) if (!current.has(request.url)) await assets.delete(request);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});

/**
 * Pages: the shell of this version from the cache (it changes only with a new build, which is a new
 * worker and a new cache), so a repeat visit on a slow link costs no round trip; the network only
 * when the shell is not cached.
 */
async function shellFor(request) {
  const cached = await caches.match('/', { cacheName: SHELL });
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch {
    return new Response('<h1>Offline</h1><p>Kalendaryo is not cached on this device yet.</p>', { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (hit) {
    fresh.catch(() => undefined);
    return hit;
  }
  return fresh;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Pages the server renders itself (the RSVP page a reply link opens) are not the app's: never the shell.
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname === '/rsvp') return;
  // Pages of the app have no extension; a navigation to a file (a PDF export, an icon) goes to the network.
  if (request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(url.pathname)) event.respondWith(shellFor(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (url.pathname.startsWith('/icons/') || url.pathname === '/manifest.webmanifest') event.respondWith(staleWhileRevalidate(request));
});

/** The server links an entry as /?entry=<id>; on a phone the field app's entry page opens it (offline too). */
function fieldUrl(data) {
  let entryId = data.entryId || null;
  if (!entryId && typeof data.url === 'string') {
    try {
      entryId = new URL(data.url, self.location.origin).searchParams.get('entry');
    } catch {
      entryId = null;
    }
  }
  if (entryId && /^[0-9a-f-]{36}$/i.test(entryId)) return `/field/entry/${entryId}`;
  return '/field';
}

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: event.data ? event.data.text() : 'Kalendaryo' };
  }
  const url = fieldUrl(data);
  event.waitUntil(self.registration.showNotification(data.title || 'Kalendaryo', {
    body: data.body || data.message || '',
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    tag: data.id || undefined,
    data: { url },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || '/field', self.location.origin).href;
  event.waitUntil((async () => {
    const open = await clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const client of open) {
      if (client.url === target && 'focus' in client) return client.focus();
    }
    const first = open[0];
    if (first && 'navigate' in first) {
      await first.navigate(target);
      return first.focus();
    }
    return clients.openWindow(target);
  })());
});
