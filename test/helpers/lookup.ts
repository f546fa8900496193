// DNS stubs for the fetcher: every name resolves to 127.0.0.1, except those listed as
// missing, which fail like a real NXDOMAIN. No test sends traffic off this machine.
import type { LookupFunction } from 'node:net';

export function loopbackLookup(missing: readonly string[] = []): LookupFunction {
  const lookup = (hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (missing.includes(hostname)) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    else if (options?.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  };
  return lookup as unknown as LookupFunction;
}
