/**
 * Registers the service worker (web/src/field/sw.js, emitted as /sw.js) and, when a new build has
 * installed beside the running one, shows a small "A new version is available" bar. Reload asks the
 * waiting worker to take over and reloads once it has. Plain DOM: it runs before React and on
 * every page (calendar and field app alike).
 */

function showUpdateBar(waiting: ServiceWorker): void {
  if (document.getElementById('sw-update')) return;
  const bar = document.createElement('div');
  bar.id = 'sw-update';
  bar.setAttribute('role', 'status');
  // Inline styles: this bar shows on every page, before any of the app's stylesheets apply.
  bar.style.cssText = 'position:fixed;left:8px;right:8px;bottom:8px;z-index:1000;display:flex;gap:12px;align-items:center;justify-content:space-between;padding:8px 12px;background:#1e3a5f;color:#fff;border-radius:8px';
  const text = document.createElement('span');
  text.textContent = 'A new version of Kalendaryo is available.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload';
  button.style.cssText = 'min-height:44px;padding:0 16px;background:#fff;color:#1e3a5f;border:0;border-radius:6px;font-weight:700';
  button.addEventListener('click', () => {
    button.disabled = true;
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  bar.append(text, button);
  document.body.append(bar);
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  let reloading = false;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install takes control silently; only a replaced version reloads the page.
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) showUpdateBar(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed' && navigator.serviceWorker.controller) showUpdateBar(installing);
        });
      });
      // A field phone keeps the app open for days: look for a new build every hour and when back online.
      const check = () => void registration.update().catch(() => undefined);
      setInterval(check, 3_600_000);
      window.addEventListener('online', check);
    }).catch(() => undefined);
  });
}
