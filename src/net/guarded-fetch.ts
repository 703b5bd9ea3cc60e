import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isInBlocks, parseAddress, parseCidrList, refusedRange } from '../core/net/addresses.js';

/**
 * The one way Kalendaryo fetches a URL a user gave it (web push endpoints now; ICS subscriptions,
 * CalDAV and calendar sync later), so that no user can make the server reach inside its own
 * network (SSRF). The host's addresses are checked where the connection is made — in the socket's
 * own DNS lookup, so a name that answered a public address when checked cannot answer a private one
 * when connecting (DNS rebinding) — and again on every redirect, each of which is a new connection.
 * Refused: loopback, private, carrier-grade NAT, link-local (cloud metadata), unique-local,
 * multicast, unspecified and every other special range (src/core/net/addresses.ts), written in any
 * form the URL parser accepts (2130706433, 0x7f000001, 0177.0.0.1, [::ffff:127.0.0.1]). The
 * operator's OUTBOUND_ALLOW (CIDR list) lets chosen ranges through. Each fetch has a deadline, a
 * body size limit and a redirect limit. Sockets are pooled in agents of its own, never shared with
 * connections made without the guard.
 */
export class OutboundRefused extends Error {
  readonly code = 'OUTBOUND_REFUSED';
  constructor(readonly url: string, readonly reason: string) {
    super(`refused to fetch ${url}: ${reason}`);
    this.name = 'OutboundRefused';
  }
}

export interface GuardedFetchOptions {
  /** OUTBOUND_ALLOW: addresses and CIDR blocks let through although they are not public. */
  allow?: string;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Certificates to trust besides the system's (a private PKI; tests' self-signed services). */
  ca?: string | Buffer;
  /** How names become addresses (the system resolver; tests give their own to play DNS tricks). */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

export interface FetchInit {
  method?: string;
  headers?: Record<string, string | number>;
  body?: Buffer | string | null;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  httpsOnly?: boolean;
}

export interface FetchResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Where the answer came from, after redirects. */
  url: string;
}

export interface GuardedFetch {
  /** Refuses (OutboundRefused) a URL that may not be fetched; a name that does not resolve now passes (checked again when fetched). */
  check(url: string, options?: { httpsOnly?: boolean }): Promise<void>;
  fetch(url: string, init?: FetchInit): Promise<FetchResult>;
  close(): void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CHECK_DNS_MS = 2_000;

const systemResolve = (hostname: string): Promise<LookupAddress[]> =>
  new Promise((resolve, reject) => systemLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export function createGuardedFetch(options: GuardedFetchOptions = {}): GuardedFetch {
  const { blocks } = parseCidrList(options.allow ?? '');
  const resolve = options.resolve ?? systemResolve;
  const defaults = { timeoutMs: options.timeoutMs ?? 10_000, maxBytes: options.maxBytes ?? 1024 * 1024, maxRedirects: options.maxRedirects ?? 3 };
  const refusal = (address: string): string | null => (isInBlocks(address, blocks) ? null : refusedRange(address));

  // The check at connect time: every address the name has now must be allowed, or none is used.
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const done = callback as (error: NodeJS.ErrnoException | null, address?: string | LookupAddress[], family?: number) => void;
    resolve(hostname).then((found) => {
      const wanted = found.filter((a) => !lookupOptions.family || a.family === lookupOptions.family);
      const bad = wanted.find((a) => refusal(a.address) !== null);
      if (bad) return done(new OutboundRefused(hostname, `${hostname} is ${bad.address} (${refusal(bad.address)})`));
      if (wanted.length === 0) return done(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }));
      if (lookupOptions.all) return done(null, wanted);
      return done(null, wanted[0]!.address, wanted[0]!.family);
    }, (error: NodeJS.ErrnoException) => done(error));
  };
  const agents = {
    'http:': new http.Agent({ keepAlive: true, lookup: guardedLookup }),
    'https:': new https.Agent({ keepAlive: true, lookup: guardedLookup, ...(options.ca ? { ca: options.ca } : {}) }),
  };

  /** The URL parsed, its scheme allowed, and a literal address checked (sockets skip the lookup for those). */
  function target(url: string, httpsOnly: boolean): URL {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new OutboundRefused(url, 'not an absolute URL');
    }
    if (parsed.protocol !== 'https:' && (httpsOnly || parsed.protocol !== 'http:')) throw new OutboundRefused(url, `${parsed.protocol} URLs are not fetched${httpsOnly ? ' (https only)' : ''}`);
    const literal = parseAddress(parsed.hostname);
    if (literal) {
      const reason = refusal(literal.toString());
      if (reason) throw new OutboundRefused(url, `${parsed.hostname} is ${reason}`);
    }
    return parsed;
  }

  function once(url: URL, init: FetchInit, deadline: number, maxBytes: number): Promise<FetchResult> {
    return new Promise((settle, fail) => {
      const module = url.protocol === 'https:' ? https : http;
      const request = module.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: agents[url.protocol as 'http:' | 'https:'], lookup: guardedLookup }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) request.destroy(new Error(`the answer of ${url.host} is larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        response.on('end', () => settle({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), url: url.toString() }));
        response.on('error', fail);
      });
      const timer = setTimeout(() => request.destroy(new Error(`${url.host} did not answer in time`)), Math.max(1, deadline - Date.now()));
      request.on('error', fail);
      request.on('close', () => clearTimeout(timer));
      request.end(init.body ?? undefined);
    });
  }

  return {
    async check(url, checkOptions = {}) {
      const parsed = target(url, checkOptions.httpsOnly ?? false);
      if (parseAddress(parsed.hostname)) return;
      const found = await Promise.race([resolve(parsed.hostname).catch(() => []), new Promise<LookupAddress[]>((r) => setTimeout(() => r([]), CHECK_DNS_MS).unref())]);
      const bad = found.find((a) => refusal(a.address) !== null);
      if (bad) throw new OutboundRefused(url, `${parsed.hostname} is ${bad.address} (${refusal(bad.address)})`);
    },
    async fetch(url, init = {}) {
      const deadline = Date.now() + (init.timeoutMs ?? defaults.timeoutMs);
      const maxBytes = init.maxBytes ?? defaults.maxBytes;
      let redirectsLeft = init.maxRedirects ?? defaults.maxRedirects;
      let current = target(url, init.httpsOnly ?? false);
      let request = init;
      for (;;) {
        const result = await once(current, request, deadline, maxBytes);
        const location = result.headers.location;
        if (!REDIRECTS.has(result.status) || !location || redirectsLeft <= 0) return result;
        redirectsLeft--;
        const next = target(new URL(location, current).toString(), init.httpsOnly ?? false);
        // Credentials stay with the origin they were meant for; 303, and 301/302 after a POST as
        // browsers do, continue as a GET without the body.
        const asGet = result.status === 303 || ((result.status === 301 || result.status === 302) && request.method === 'POST');
        const dropped = new Set([...(next.origin !== current.origin ? ['authorization', 'cookie'] : []), ...(asGet ? ['content-length', 'content-type', 'content-encoding'] : [])]);
        const headers = Object.fromEntries(Object.entries(request.headers ?? {}).filter(([name]) => !dropped.has(name.toLowerCase())));
        request = { ...request, headers, ...(asGet ? { method: 'GET', body: null } : {}) };
        current = next;
      }
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
