/**
 * Web push for this device: the server's VAPID public key (GET /api/v1/push/vapid-public-key; null
 * when push is not configured), the browser's PushSubscription registered with
 * POST /api/v1/me/push-subscriptions. The service worker shows the pushes (web/src/field/sw.js).
 */
import { request } from '../api';

export type PushState = 'unsupported' | 'off-on-server' | 'denied' | 'subscribed' | 'available';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export async function pushState(): Promise<PushState> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const registration = await navigator.serviceWorker.getRegistration();
  if (registration && (await registration.pushManager.getSubscription())) return 'subscribed';
  const { data } = await request<{ publicKey: string | null }>('/api/v1/push/vapid-public-key');
  return data.publicKey ? 'available' : 'off-on-server';
}

export async function subscribePush(): Promise<void> {
  const { data } = await request<{ publicKey: string | null }>('/api/v1/push/vapid-public-key');
  if (!data.publicKey) throw new Error('Push is not configured on this server.');
  if ((await Notification.requestPermission()) !== 'granted') throw new Error('Notifications are blocked for this site.');
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(data.publicKey) });
  const json = subscription.toJSON();
  await request('/api/v1/me/push-subscriptions', {
    method: 'POST',
    body: { endpoint: json.endpoint, keys: { p256dh: json.keys?.p256dh, auth: json.keys?.auth }, userAgent: navigator.userAgent.slice(0, 300) },
  });
}
