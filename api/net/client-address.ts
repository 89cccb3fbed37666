// The address a request came from. X-Forwarded-For and X-Real-IP are whatever the client
// wrote, so they count only when the socket's peer is one of our own proxies
// (QINGLAN_TRUSTED_PROXIES: addresses or CIDR ranges, comma-separated; default none).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { BlockList, isIP } from 'node:net';

function parseProxies(setting: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (setting ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (isIP(address) === 0) continue;
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

let cached: { setting: string | undefined; list: BlockList } | undefined;
function trustedProxies(): BlockList {
  const setting = process.env.QINGLAN_TRUSTED_PROXIES;
  if (!cached || cached.setting !== setting) cached = { setting, list: parseProxies(setting) };
  return cached.list;
}

const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

function isTrusted(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trustedProxies().check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The socket's peer; undefined for a request that did not come over a socket (in-process). */
export function socketAddress(c: Context): string | undefined {
  try {
    const address = getConnInfo(c).remote.address;
    return address ? plain(address) : undefined;
  } catch {
    return undefined;
  }
}

/** The client's address: the peer, or, behind trusted proxies, the last address they did not add. */
export function clientAddress(c: Context): string | null {
  const peer = socketAddress(c);
  if (!peer) return null;
  if (!isTrusted(peer)) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => plain(s.trim()))
    .filter((s) => isIP(s) !== 0);
  // Walk back from the nearest hop: the first one that is not our proxy is the client.
  for (let i = forwarded.length - 1; i >= 0; i--) if (!isTrusted(forwarded[i])) return forwarded[i];
  const realIp = plain(c.req.header('x-real-ip')?.trim() ?? '');
  return isIP(realIp) !== 0 ? realIp : peer;
}

/** Whether the client reached us over HTTPS: directly, or per a trusted proxy's X-Forwarded-Proto. */
export function servedOverHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const peer = socketAddress(c);
  return peer !== undefined && isTrusted(peer) && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
