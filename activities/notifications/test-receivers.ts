// Real receivers on 127.0.0.1 for the notification tests: an SMTP server and an HTTP server
// standing in for the DingTalk and WeCom group robots.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface RobotRequest {
  path: string;
  query: URLSearchParams;
  body: { msgtype: string; markdown: { title?: string; text?: string; content?: string } };
}

/** A local mailbox; addresses starting with "nobody@" are refused with 550 as a real server would. */
export async function startMailbox() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!address.address.startsWith('nobody@')) return callback();
      callback(Object.assign(new Error('没有这个邮箱 (no such mailbox)'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Allows robots to post to these test receivers' hosts, as the operator would with the setting. */
export function allowRobotHosts(...hosts: string[]): void {
  process.env.QINGLAN_ROBOT_HOSTS = hosts.join(',');
}

/**
 * A local robot endpoint; `answers` sets what a path answers (default `{"errcode":0}`). Robots
 * may post only to allowed hosts, so the test allows this one by name in QINGLAN_ROBOT_HOSTS
 * (its own process only: vitest runs each file in a fork).
 */
export async function startRobots() {
  const requests: RobotRequest[] = [];
  const answers = new Map<string, { errcode: number; errmsg: string }>();
  /** A path that answers like some other server: any status, any body. */
  const rawAnswers = new Map<string, { status: number; body: string }>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://127.0.0.1');
      requests.push({
        path: url.pathname,
        query: url.searchParams,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
      });
      const raw = rawAnswers.get(url.pathname);
      if (raw) return void res.writeHead(raw.status, { 'content-type': 'text/plain' }).end(raw.body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answers.get(url.pathname) ?? { errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    requests,
    answers,
    rawAnswers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Subject header of a raw message, its RFC 2047 encoded words decoded. */
export function decodedSubject(raw: string): string {
  const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const value = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
  const bytes: Buffer[] = [];
  for (const [, encoding, text] of value.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)) {
    if (encoding.toLowerCase() === 'b') bytes.push(Buffer.from(text, 'base64'));
    else
      bytes.push(
        Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ),
      );
  }
  return bytes.length > 0 ? Buffer.concat(bytes).toString('utf8') : value;
}

/** Every text part of a raw message, base64 or quoted-printable decoded. */
export function decodedParts(raw: string): string[] {
  const parts: string[] = [];
  for (const [, encoding, content] of raw.matchAll(
    /Content-Transfer-Encoding: (base64|quoted-printable)\r?\n\r?\n([\s\S]*?)(?=\r?\n--|$)/gi,
  )) {
    if (encoding.toLowerCase() === 'base64')
      parts.push(Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8'));
    else
      parts.push(
        Buffer.from(
          content
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
      );
  }
  return parts;
}
