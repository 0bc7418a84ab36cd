// The word wrapping kubectl's explain applies to descriptions (github.com/mitchellh/go-wordwrap
// v1.0.1 behind kubectl's wordWrapWriter): breaks only at white space, counts runes, keeps a word
// longer than the limit whole, and drops the spaces a break replaces.

const NBSP = 0xa0;

/** unicode.IsSpace. */
function isSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === NBSP;
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/** WrapString(s, limit). */
export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  let wordLen = 0;
  let spaceLen = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space;
      } else {
        out += space + word;
      }
      space = word = '';
      spaceLen = wordLen = 0;
      out += ch;
      current = 0;
    } else if (isSpace(cp) && cp !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = word = '';
        spaceLen = wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + wordLen + spaceLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/**
 * The template's `wrap`: line breaks in the text stay (a description's own and the one ending it);
 * a limit of 0 or less wraps nothing (kubectl converts it to an unsigned limit).
 */
export function wrap(limit: number, s: string): string {
  return limit <= 0 ? s : wrapString(s, limit);
}

/** The template's `indent`: every line, the first included, gets `amount` spaces. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(Math.max(0, amount));
  return pad + s.replaceAll('\n', `\n${pad}`);
}
