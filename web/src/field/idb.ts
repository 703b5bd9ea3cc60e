/**
 * The field app's IndexedDB: `kv` (the agenda, entry details, the session, last-refreshed times)
 * and `scans` (the check-in queue, one row per scan keyed by its idempotency key). Everything the
 * screen needs offline lives here, so closing the tab or restarting the phone loses nothing.
 */
const DB_NAME = 'kalendaryo-field';
const VERSION = 1;

let opened: Promise<IDBDatabase> | null = null;

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function openDb(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv');
      if (!db.objectStoreNames.contains('scans')) {
        const scans = db.createObjectStore('scans', { keyPath: 'idempotencyKey' });
        scans.createIndex('state', 'state');
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opened;
}

async function store(name: string, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await openDb()).transaction(name, mode).objectStore(name);
}

export async function getValue<T>(key: string): Promise<T | undefined> {
  return promised((await store('kv', 'readonly')).get(key)) as Promise<T | undefined>;
}

export async function setValue(key: string, value: unknown): Promise<void> {
  await promised((await store('kv', 'readwrite')).put(value, key));
}

export async function putAll<T>(name: string, rows: T[]): Promise<void> {
  if (!rows.length) return;
  const tx = (await openDb()).transaction(name, 'readwrite');
  const s = tx.objectStore(name);
  for (const row of rows) s.put(row);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function getAll<T>(name: string): Promise<T[]> {
  return promised((await store(name, 'readonly')).getAll()) as Promise<T[]>;
}
