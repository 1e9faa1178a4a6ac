import type { Config } from '../config.ts';

type TrustProxyOption = boolean | string[] | ((address: string, hop: number) => boolean);

/**
 * Fastify's trustProxy from the configuration. A hop count becomes "trust the nearest n hops": Fastify 5 treats a bare
 * number as trusting nothing, yet behind one reverse proxy `1` is what names the real client (the address the proxy
 * appended last), where `true` would take the first X-Forwarded-For entry, which any client can write.
 */
export function toTrustProxy(setting: Config['trustProxy']): TrustProxyOption {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
