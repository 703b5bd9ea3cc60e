// A load generator in its own process (forked by bench/support.ts): GETs what the parent sends over
// IPC, reads the body to the end without keeping it, and answers with status, bytes and time.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
process.on('message', ({ id, url, headers }) => {
  const started = performance.now();
  http
    .get(url, { headers, agent }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => process.send({ id, status: response.statusCode, bytes, ms: performance.now() - started }));
    })
    .on('error', (error) => process.send({ id, error: String(error) }));
});
process.on('disconnect', () => process.exit(0));
