import { createHmac } from 'node:crypto';
import dnsCallback from 'node:dns';
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { ReminderMessage } from './messages.ts';

export type WebhookPreset = 'generic' | 'wecom' | 'dingtalk';

/** The body each preset's receiver expects: LicenseDesk's own JSON, or a WeCom / DingTalk group-robot markdown message. */
export function webhookBody(preset: WebhookPreset, input: { event: string; deliveryId: string; sentAt: string; organisation: { id: string; name: string }; lead: string; message: ReminderMessage }): string {
  const { message } = input;
  if (preset === 'wecom') {
    return JSON.stringify({ msgtype: 'markdown', markdown: { content: `**${message.title.zh}**\n${message.body.zh}\n[打开 LicenseDesk](${message.link})` } });
  }
  if (preset === 'dingtalk') {
    return JSON.stringify({ msgtype: 'markdown', markdown: { title: message.title.zh, text: `### ${message.title.zh}\n\n${message.body.zh}\n\n[打开 LicenseDesk](${message.link})` } });
  }
  return JSON.stringify({ event: input.event, id: input.deliveryId, sentAt: input.sentAt, organisation: input.organisation, lead: input.lead, title: message.title, body: message.body, obligation: message.obligation, link: message.link });
}

/** `sha256=<hex HMAC-SHA256 of the raw body with the secret>`: what the generic preset sends in x-licensedesk-signature. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** DingTalk's signed robots take `timestamp` and `sign` (Base64 HMAC-SHA256 of "timestamp\nsecret") in the query. */
export function dingtalkUrl(url: string, secret: string, nowMs: number): string {
  if (!secret) return url;
  const sign = createHmac('sha256', secret).update(`${nowMs}\n${secret}`).digest('base64');
  const target = new URL(url);
  target.searchParams.set('timestamp', String(nowMs));
  target.searchParams.set('sign', sign);
  return target.toString();
}

/** An IPv6 address as eight 16-bit groups (an embedded dotted IPv4 tail included); null when it does not parse. */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().split('%')[0];
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    if (!net.isIPv4(dotted[1])) return null;
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  const groups = halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill(0), ...tail] : head;
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0) ? groups : null;
}

const v4Blocked: Array<[number, number]> = [
  // [network, prefix length]: this network, private, carrier NAT, loopback, link-local, IETF, documentation,
  // benchmarking, multicast and reserved (RFC 6890).
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
].map(([net4, bits]) => [(net4 as string).split('.').reduce((n, part) => n * 256 + Number(part), 0), bits as number]);

function isPublicV4(address: string): boolean {
  const n = address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  return !v4Blocked.some(([network, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(network / 2 ** (32 - bits)));
}

/**
 * Whether a webhook may be sent to this address: public unicast only. IPv4 outside the special-purpose ranges; IPv6
 * only in global unicast 2000::/3, not documentation, and not the forms that carry an IPv4 address (6to4, Teredo,
 * NAT64, mapped, compatible), which are judged by the IPv4 address they carry.
 */
export function isPublicAddress(address: string): boolean {
  if (net.isIPv4(address)) return isPublicV4(address);
  const g = ipv6Groups(address);
  if (!g) return false;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return isPublicV4(v4(g[6], g[7]));
  if (g[0] === 0x64 && g[1] === 0xff9b) return isPublicV4(v4(g[6], g[7]));
  if (g[0] === 0x2002) return false;
  if (g[0] === 0x2001 && (g[1] === 0 || g[1] === 0xdb8)) return false;
  return (g[0] & 0xe000) === 0x2000;
}

/**
 * Refuses a target on this machine or a private network (the metadata service, the database) unless the instance
 * allows it: a webhook is a request the server makes on a user's say-so. Checked when saved; when sent, the
 * connection itself goes only to an address that passes (so a name that resolves elsewhere the second time fails).
 */
export async function checkWebhookTarget(url: string, allowPrivate: boolean): Promise<string | null> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'not-a-url';
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return 'not-http';
  if (target.username || target.password) return 'credentials-in-url';
  if (allowPrivate) return null;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return 'unresolvable';
  }
  return addresses.length === 0 || !addresses.every(isPublicAddress) ? 'private-address' : null;
}

/** A DNS lookup for the sending connection that answers only public addresses. */
function publicLookup(hostname: string, options: dnsCallback.LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | dnsCallback.LookupAddress[], family?: number) => void): void {
  dnsCallback.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const allowed = (addresses as unknown as dnsCallback.LookupAddress[]).filter((a) => isPublicAddress(a.address));
    if (allowed.length === 0) return callback(Object.assign(new Error(`${hostname} resolves to no public address`), { code: 'EPRIVATE' }), '');
    if (options.all) return callback(null, allowed);
    callback(null, allowed[0].address, allowed[0].family);
  });
}

export interface DeliveryOutcome {
  ok: boolean;
  status: number | null;
  error: string;
}

/** One POST, bounded in time; a 2xx answer (and for the robots, errcode 0) counts as delivered. The receiver's body is
 * never kept (it could be anything an address answers), only its status and a robot's error code. */
export async function postWebhook(input: { url: string; preset: WebhookPreset; secret: string; body: string; deliveryId: string; nowMs: number; allowPrivate: boolean }): Promise<DeliveryOutcome> {
  const refused = await checkWebhookTarget(input.url, input.allowPrivate);
  if (refused) return { ok: false, status: null, error: `target refused: ${refused}` };
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'LicenseDesk-Webhook/1', 'x-licensedesk-delivery': input.deliveryId, 'content-length': String(Buffer.byteLength(input.body)) };
  if (input.preset === 'generic' && input.secret) headers['x-licensedesk-signature'] = signBody(input.secret, input.body);
  const url = new URL(input.preset === 'dingtalk' ? dingtalkUrl(input.url, input.secret, input.nowMs) : input.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!input.allowPrivate && net.isIP(host) && !isPublicAddress(host)) return { ok: false, status: null, error: 'target refused: private-address' };
  return new Promise<DeliveryOutcome>((resolve) => {
    const send = url.protocol === 'https:' ? https.request : http.request;
    const request = send(url, { method: 'POST', headers, timeout: 10_000, ...(input.allowPrivate ? {} : { lookup: publicLookup as never }) }, (response) => {
      const status = response.statusCode ?? 0;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (text.length < 2000) text += chunk;
      });
      response.on('end', () => {
        if (status < 200 || status >= 300) return resolve({ ok: false, status, error: `HTTP ${status}` });
        if (input.preset !== 'generic') {
          try {
            const answer = JSON.parse(text) as { errcode?: number; errmsg?: string };
            if (typeof answer.errcode === 'number' && answer.errcode !== 0) return resolve({ ok: false, status, error: `errcode ${answer.errcode}: ${String(answer.errmsg ?? '').slice(0, 100)}` });
          } catch {
            // A robot that answers without JSON: the 2xx stands.
          }
        }
        resolve({ ok: true, status, error: '' });
      });
      response.on('error', (error) => resolve({ ok: false, status, error: `${error.name}: ${error.message}` }));
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('no answer within 10 s'), { name: 'TimeoutError' })));
    request.on('error', (error) => resolve({ ok: false, status: null, error: `${error.name}: ${error.message}` }));
    request.end(input.body);
  });
}
