import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createMailer } from './mailer.ts';

/** A local SMTP sink (smtp-server) receives what the configured mailer sends. */
const received: { to: string[]; data: string }[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => {
        data += c.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('sends mail through the SMTP server named in SMTP_URL', async () => {
  const config = loadConfig({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: 'EUCAB <no-reply@eucab.test>',
  });
  const mailer = createMailer(config, () => {});
  await mailer.send({
    to: 'someone@eucab.test',
    subject: 'Reset your password',
    text: 'Open https://x/reset-password?token=abc',
  });
  expect(received).toHaveLength(1);
  expect(received[0]!.to).toEqual(['someone@eucab.test']);
  expect(received[0]!.data).toContain('Subject: Reset your password');
  expect(received[0]!.data).toContain('reset-password?token=abc');
});
