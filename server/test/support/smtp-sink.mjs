// A real SMTP server for the mail tests, run as its own process: `node smtp-sink.mjs DIR [PORT]`.
// It accepts every message on loopback and writes each to DIR as <n>.eml, then prints
// {"port":N} once listening. No TLS or auth: it is only ever on 127.0.0.1.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const [dir, port = '0'] = process.argv.slice(2);
let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const envelope = `X-Envelope-To: ${session.envelope.rcptTo.map((to) => to.address).join(', ')}\r\n`;
      // Written under a temporary name first: the test never reads half a message.
      const name = `${Date.now()}-${++count}`;
      writeFileSync(join(dir, `${name}.tmp`), envelope + Buffer.concat(chunks).toString('utf8'));
      renameSync(join(dir, `${name}.tmp`), join(dir, `${name}.eml`));
      callback();
    });
  },
});
server.listen(Number(port), '127.0.0.1', () => console.log(JSON.stringify({ port: server.server.address().port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
