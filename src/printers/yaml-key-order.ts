// The order go-yaml v2 gives map keys (sorter.go): not plain byte order but a "natural" one, where
// runs of digits compare as numbers and non-letters sort before letters. kubectl's -o yaml shows it,
// e.g. `a2` before `a10`, `a-b` before `aB`.

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

// ASCII answers directly; the Unicode classes only for the rest.
function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT.test(String.fromCodePoint(cp));
}

const ASCII = /^[\x00-\x7f]*$/;

function codePoints(s: string): number[] {
  if (ASCII.test(s)) {
    const out = new Array<number>(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  return Array.from(s, (c) => c.codePointAt(0)!);
}

/** Negative when a sorts before b. Compares by code point, as Go compares runes. */
export function compareYamlKeys(a: string, b: string): number {
  if (a === b) return 0;
  return yamlKeyLess(codePoints(a), codePoints(b)) ? -1 : yamlKeyLess(codePoints(b), codePoints(a)) ? 1 : 0;
}

function yamlKeyLess(ar: number[], br: number[]): boolean {
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i]!, bc = br[i]!;
    if (ac === bc) continue;
    const al = isLetter(ac), bl = isLetter(bc);
    if (al && bl) return ac < bc;
    if (al || bl) return bl;
    // Both non-letters: compare the digit runs starting here as numbers (int64 arithmetic, as Go).
    let an = 0n, bn = 0n;
    if (ac === 0x30 || bc === 0x30) {
      // A zero continuing an earlier non-zero digit run is part of that number, not a leading zero.
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i, bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]! - 0x30));
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]! - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac < bc;
  }
  return ar.length < br.length;
}

/** Keys in go-yaml's order. */
export function sortYamlKeys(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  const cps = new Map(keys.map((k) => [k, codePoints(k)]));
  return [...keys].sort((a, b) => (yamlKeyLess(cps.get(a)!, cps.get(b)!) ? -1 : yamlKeyLess(cps.get(b)!, cps.get(a)!) ? 1 : 0));
}
