import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';

const SINK = fileURLToPath(new URL('./smtp-sink.mjs', import.meta.url));

/** A real SMTP server process on loopback (smtp-sink.mjs), and the mail it received. */
export interface SmtpSink {
  port: number;
  /** Every message delivered to `to`, once there are `count` of them (fails after `timeoutMs`). */
  mailsTo(to: string, count?: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Every message delivered so far to `to`. */
  receivedBy(to: string): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const dir = mkdtempSync(join(tmpdir(), 'lede-smtp-'));
  const child = spawn(process.execPath, [SINK, dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  after(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const listening = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the SMTP server exited with ${code}`)));
  });
  const receivedBy = async (to: string) => {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.eml'))
      .sort();
    const mails = await Promise.all(files.map((name) => simpleParser(readFileSync(join(dir, name)))));
    // Servers may lower-case the domain: mailboxes are compared as they are delivered.
    return mails.filter((mail) => String(mail.headers.get('x-envelope-to')).toLowerCase() === to.toLowerCase());
  };
  return {
    port: listening,
    receivedBy,
    async mailsTo(to, count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mails = await receivedBy(to);
        if (mails.length >= count) return mails;
        if (Date.now() > deadline) throw new Error(`${to} received ${mails.length} of ${count} mails`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop,
  };
}
