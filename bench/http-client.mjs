// A load generator in its own process (forked by bench/support.ts): requests what the parent sends
// over IPC (a GET, or a method with a JSON body), reads the answer to the end without keeping it,
// and answers with status, bytes and time.
import http from 'node:http';

// The first argument: how many requests may be in flight at once (one socket each); 1 by default.
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(process.argv[2] ?? 1) });
process.on('message', ({ id, url, headers, method = 'GET', body }) => {
  const started = performance.now();
  http
    .request(url, { method, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' }, agent }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => process.send({ id, status: response.statusCode, bytes, ms: performance.now() - started }));
    })
    .on('error', (error) => process.send({ id, error: String(error) }))
    .end(body === undefined ? undefined : JSON.stringify(body));
});
process.on('disconnect', () => process.exit(0));
