import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { chinaDateOf, type Clock } from '../../src/platform/clock.ts';

/** A clock a test moves by hand: `set` an instant, `advance` by milliseconds. */
export function movableClock(start: string): Clock & { set(instant: string): void; advance(ms: number): void } {
  let instant = new Date(start).toISOString();
  return {
    now: () => instant,
    today: () => chinaDateOf(instant),
    set: (next) => void (instant = new Date(next).toISOString()),
    advance: (ms) => void (instant = new Date(Date.parse(instant) + ms).toISOString()),
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 that accepts every message (no TLS, no auth). With `stall`, it holds each message's
 * end of data unanswered, as a server that hangs would, and counts it as not received.
 */
export async function startSmtpServer(options: { stall?: () => boolean } = {}): Promise<{ url: string; mails: ReceivedMail[]; dataStarted: number; close(): Promise<void> }> {
  const state = { mails: [] as ReceivedMail[], dataStarted: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      state.dataStarted += 1;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (options.stall?.()) return;
        state.mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    get mails() {
      return state.mails;
    },
    get dataStarted() {
      return state.dataStarted;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedRequest {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on 127.0.0.1 answering each request with `answer(request, n)` (n counts from 1). */
export async function startHttpReceiver(answer: (request: ReceivedRequest, n: number) => { status: number; body?: string }): Promise<{ url: string; requests: ReceivedRequest[]; close(): Promise<void> }> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = { url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      const reply = answer(received, requests.length);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
