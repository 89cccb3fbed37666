// Where a group robot may post. A robot's address is typed in by a township officer and the
// worker posts to it, so an open address would let anyone with that role make the worker call
// any machine it can reach (loopback, the intranet, a cloud metadata address) and read the answer.
// Only the DingTalk and WeCom robot hosts are allowed; the county's operator may add hosts with
// QINGLAN_ROBOT_HOSTS (comma-separated `host` or `host:port`, e.g. an intranet robot gateway).
// A host name must resolve to public addresses when the message is sent (a name that passed at
// save time may later point inside: DNS rebinding); only an IP address written into the setting
// itself may be private, because then someone chose it on purpose.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

export const DEFAULT_ROBOT_HOSTS = ['oapi.dingtalk.com', 'qyapi.weixin.qq.com'] as const;

export function allowedRobotHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = (env.QINGLAN_ROBOT_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return [...DEFAULT_ROBOT_HOSTS, ...extra];
}

export class RobotAddressError extends Error {
  constructor(readonly reason: string) {
    super(`group robot address refused: ${reason}`);
    this.name = 'RobotAddressError';
  }
}

/** Why this address may not be a robot's, or null when it may. */
export function robotUrlProblem(url: string, hosts: readonly string[] = allowedRobotHosts()): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'not http(s)';
  if (parsed.username || parsed.password) return 'carries a user name or password';
  const host = parsed.host.toLowerCase();
  const builtIn = (DEFAULT_ROBOT_HOSTS as readonly string[]).includes(host);
  // The built-in hosts only over HTTPS on the default port: the token travels in the address.
  if (builtIn) return parsed.protocol === 'https:' ? null : 'DingTalk and WeCom robots are reached over https';
  return hosts.includes(host) ? null : 'host not allowed';
}

const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv6');

/** Loopback, private, link-local (the metadata address), shared, multicast or reserved. */
export function isNotPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return NOT_PUBLIC.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request: the connection goes to the address checked here, never to one
 * resolved again later, so a name cannot pass the check and then point elsewhere.
 */
export function publicOnlyLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  dnsLookup(hostname, { all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isNotPublicAddress(a.address));
    if (refused || addresses.length === 0)
      return callback(new RobotAddressError('the host resolves to a private or loopback address'), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}
