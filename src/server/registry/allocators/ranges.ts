// The service IP range and the node port range, and how kube-apiserver picks a free value in them:
// at random, scanning forward, in the upper part of the range first so that the lower part stays
// free for values users ask for (KEP-3070 / KEP-3668 static subranges).

/** --service-cluster-ip-range (single stack IPv4). */
export const SERVICE_CIDR = '10.96.0.0/12';
/** --service-node-port-range. */
export const NODE_PORT_RANGE = { base: 30000, size: 2768 } as const;

export const nodePortRangeText = () => `${NODE_PORT_RANGE.base}-${NODE_PORT_RANGE.base + NODE_PORT_RANGE.size - 1}`;

/** An IPv4 address as a number, or undefined when it is not one (netutils.ParseIPSloppy: leading zeros allowed). */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export const formatIPv4 = (n: number): string => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

/** What kind of address a string is: "IPv4", "IPv6" or undefined. */
export function ipFamilyOf(text: string): 'IPv4' | 'IPv6' | undefined {
  if (parseIPv4(text) !== undefined) return 'IPv4';
  if (text.includes(':') && /^[0-9a-fA-F:.]+$/.test(text) && !text.includes(':::')) return 'IPv6';
  return undefined;
}

export interface IPRange {
  cidr: string;
  /** Network address. */
  base: number;
  size: number;
  /** Usable addresses: network + 1 … broadcast - 1. */
  first: number;
  last: number;
  /** Dynamic allocation starts at base + offset. */
  offset: number;
}

export function ipRange(cidr: string): IPRange {
  const [address, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  const base = parseIPv4(address)!;
  return { cidr, base, size, first: base + 1, last: base + size - 2, offset: rangeOffset(size, 16, 256, 16) };
}

/** calculateRangeOffset: min(max(min, size/step), max), none for tiny ranges. */
export function rangeOffset(size: number, min: number, max: number, step: number): number {
  if (size <= min) return 0;
  return Math.min(Math.max(Math.floor(size / step), min), max);
}

/** A free value in [lo, hi] scanning forward from a random start, or undefined when all are used. */
function scan(lo: number, hi: number, used: (n: number) => boolean): number | undefined {
  const count = hi - lo + 1;
  if (count <= 0) return undefined;
  const start = Math.floor(Math.random() * count);
  for (let i = 0; i < count; i++) {
    const candidate = lo + ((start + i) % count);
    if (!used(candidate)) return candidate;
  }
  return undefined;
}

/** The next free service IP: the upper band [base+offset, last] first, then [first, base+offset). */
export function nextFreeIP(range: IPRange, used: ReadonlySet<number>): number | undefined {
  const isUsed = (n: number) => used.has(n);
  const offsetAddress = range.base + range.offset;
  return scan(Math.max(offsetAddress, range.first), range.last, isUsed) ?? scan(range.first, offsetAddress - 1, isUsed);
}

/** The next free node port: the upper band first, then the lower one (randomScanStrategyWithOffset). */
export function nextFreeNodePort(used: ReadonlySet<number>): number | undefined {
  const { base, size } = NODE_PORT_RANGE;
  const offset = rangeOffset(size, 16, 128, 32);
  const isUsed = (n: number) => used.has(n);
  return scan(base + offset, base + size - 1, isUsed) ?? scan(base, base + offset - 1, isUsed);
}
