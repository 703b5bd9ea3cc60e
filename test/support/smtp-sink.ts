/**
 * A real SMTP server process for the notification tests and bench (smtp-server package): accepts
 * every message and prints one JSON line per message on stdout ({messageId, to, subject, raw?}).
 * The first line is {"port": N}. `--no-raw` leaves the message text out (the bench).
 */
import { SMTPServer } from 'smtp-server';

const withRaw = !process.argv.includes('--no-raw');

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      // A message cut off by a dying client never reaches here complete: smtp-server marks it.
      if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(new Error('too big'));
      const raw = Buffer.concat(chunks).toString('utf8');
      const header = raw.slice(0, raw.indexOf('\r\n\r\n'));
      const messageId = /^Message-ID:\s*(.+)$/im.exec(header)?.[1]?.trim() ?? null;
      const subject = /^Subject:\s*(.+)$/im.exec(header)?.[1]?.trim() ?? null;
      const to = session.envelope.rcptTo.map((r) => r.address);
      process.stdout.write(`${JSON.stringify({ messageId, to, subject, ...(withRaw ? { raw } : {}) })}\n`);
      callback();
    });
  },
});

// A client killed mid-session (the crash test) resets its socket: that is the client's problem.
server.on('error', () => {});

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
