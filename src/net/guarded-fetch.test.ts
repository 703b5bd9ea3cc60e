import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, OutboundRefused } from './guarded-fetch.js';

/**
 * Real listeners on the loopback network: a canary on 127.0.0.1 that must never be reached, and
 * an "allowed" web server on 127.0.0.2 (OUTBOUND_ALLOW=127.0.0.2/32) that answers, redirects,
 * streams too much or never answers.
 */
let canary: TcpServer;
let canaryPort = 0;
let canaryHits = 0;
let web: Server;
let webPort = 0;

const listen = (server: Server | TcpServer, host: string) => new Promise<number>((resolve) => server.listen(0, host, () => resolve((server.address() as { port: number }).port)));

beforeAll(async () => {
  canary = createTcpServer((socket) => {
    canaryHits++;
    socket.destroy();
  });
  canaryPort = await listen(canary, '127.0.0.1');
  web = createHttpServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/ok') return res.end(`hello ${req.method}`);
    if (url.pathname === '/to-canary') return res.writeHead(302, { location: `http://127.0.0.1:${canaryPort}/` }).end();
    if (url.pathname === '/to-canary-by-number') return res.writeHead(307, { location: `http://2130706433:${canaryPort}/` }).end();
    if (url.pathname === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (url.pathname === '/big') return res.end(Buffer.alloc(64 * 1024, 'x'));
    if (url.pathname === '/slow') return; // never answers
    res.writeHead(404).end();
  });
  webPort = await listen(web, '127.0.0.2');
});
afterAll(async () => {
  web.closeAllConnections();
  await new Promise((r) => web.close(r));
  await new Promise((r) => canary.close(r));
});

const guard = (extra: Parameters<typeof createGuardedFetch>[0] = {}) => createGuardedFetch({ allow: '127.0.0.2/32', timeoutMs: 2_000, ...extra });

describe('the guarded outbound client', () => {
  it('refuses loopback in every spelling, localhost and private, link-local and metadata addresses; the canary hears nothing', async () => {
    const client = guard();
    const hosts = ['127.0.0.1', '2130706433', '0x7f000001', '0177.0.0.1', '127.1', '[::1]', '[::ffff:127.0.0.1]', 'localhost', '169.254.169.254', '10.0.0.1', '100.64.0.1', '[fd00::1]', '0.0.0.0'];
    for (const host of hosts) {
      await expect(client.fetch(`http://${host}:${canaryPort}/`), host).rejects.toBeInstanceOf(OutboundRefused);
      await expect(client.check(`https://${host}:${canaryPort}/`), host).rejects.toBeInstanceOf(OutboundRefused);
    }
    expect(canaryHits).toBe(0);
    client.close();
  });

  it('fetches from an allowed address and refuses other schemes', async () => {
    const client = guard();
    const res = await client.fetch(`http://127.0.0.2:${webPort}/ok`, { method: 'POST', body: 'x' });
    expect(res).toMatchObject({ status: 200 });
    expect(res.body.toString()).toBe('hello POST');
    await expect(client.fetch(`file:///etc/passwd`)).rejects.toBeInstanceOf(OutboundRefused);
    await expect(client.fetch(`http://127.0.0.2:${webPort}/ok`, { httpsOnly: true })).rejects.toThrow(/https only/);
    client.close();
  });

  it('checks the address at connect time: a name that turns into loopback after the check (DNS rebinding) is refused', async () => {
    let calls = 0;
    const resolve = async (): Promise<LookupAddress[]> => (calls++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    const client = guard({ resolve });
    await client.check(`http://rebind.example:${canaryPort}/`);
    await expect(client.fetch(`http://rebind.example:${canaryPort}/`)).rejects.toBeInstanceOf(OutboundRefused);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(canaryHits).toBe(0);
    client.close();
  });

  it('refuses a name with any private address among its answers', async () => {
    const client = guard({ resolve: async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.1.1.1', family: 4 }] });
    await expect(client.check('https://mixed.example/')).rejects.toThrow(/10\.1\.1\.1/);
    await expect(client.fetch('https://mixed.example/')).rejects.toBeInstanceOf(OutboundRefused);
    client.close();
  });

  it('checks every redirect and stops after the redirect limit', async () => {
    const client = guard();
    await expect(client.fetch(`http://127.0.0.2:${webPort}/to-canary`)).rejects.toBeInstanceOf(OutboundRefused);
    await expect(client.fetch(`http://127.0.0.2:${webPort}/to-canary-by-number`)).rejects.toBeInstanceOf(OutboundRefused);
    expect(canaryHits).toBe(0);
    const looped = await client.fetch(`http://127.0.0.2:${webPort}/loop`, { maxRedirects: 2 });
    expect(looped.status).toBe(302);
    client.close();
  });

  it('stops a body past the size limit and a server that does not answer', async () => {
    const client = guard();
    await expect(client.fetch(`http://127.0.0.2:${webPort}/big`, { maxBytes: 1024 })).rejects.toThrow(/larger than 1024 bytes/);
    await expect(client.fetch(`http://127.0.0.2:${webPort}/slow`, { timeoutMs: 200 })).rejects.toThrow(/did not answer in time/);
    client.close();
  });
});
