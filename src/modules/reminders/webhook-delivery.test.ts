import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './webhook-delivery.ts';

describe('isPublicAddress', () => {
  it('refuses this machine, private networks and every IPv6 form that carries one', () => {
    for (const address of [
      '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '198.18.0.1', '224.0.0.1', '255.255.255.255',
      '::1', '::', '::ffff:127.0.0.1', '::ffff:7f00:1', '::127.0.0.1', '::7f00:1', '::ffff:0:7f00:1', '64:ff9b::7f00:1', '64:ff9b::169.254.169.254',
      '2002:7f00:1::', '2001::1', '2001:db8::1', 'fe80::1', 'feb0::1', 'fec0::1', 'fc00::1', 'fd12::1', 'ff02::1', 'not-an-address',
    ]) expect(isPublicAddress(address), address).toBe(false);
  });

  it('lets public unicast through, IPv4 and IPv6 alike', () => {
    for (const address of ['93.184.216.34', '1.1.1.1', '8.8.8.8', '2606:4700:4700::1111', '2400:3200::1', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8']) expect(isPublicAddress(address), address).toBe(true);
  });
});
