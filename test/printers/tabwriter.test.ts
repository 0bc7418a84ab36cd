import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HISTORY_TABWRITER, KUBECTL_TABWRITER, TabWriter } from '../../src/printers/tabwriter.ts';
import type { TabWriterOptions } from '../../src/printers/tabwriter.ts';

function format(chunks: string[], opts: TabWriterOptions = KUBECTL_TABWRITER): string {
  let out = '';
  const w = new TabWriter({ write: (s: string) => (out += s) }, opts);
  for (const c of chunks) w.write(c);
  w.flush();
  return out;
}

test('kubectl settings: min width 6, padding 3, last cell unpadded', () => {
  assert.equal(format(['NAME\tAGE\nx\t1s\n']), 'NAME   AGE\nx      1s\n');
  assert.equal(format(['a\tb\nlonger-name\tc\n']), 'a             b\nlonger-name   c\n');
});

test('an empty last column leaves the padding of the cell before it', () => {
  // config get-contexts' non-current row
  const text = 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n*\tctx1b\tc1\tu1\tns1\n\tctx2\tc1\tu1\t\n';
  assert.equal(
    format([text]),
    'CURRENT   NAME    CLUSTER   AUTHINFO   NAMESPACE\n*         ctx1b   c1        u1         ns1\n          ctx2    c1        u1         \n',
  );
});

test('cells may arrive in any pieces; widths count code points, not bytes', () => {
  assert.equal(format(['hé', 'llo\tx\n', 'a\t', 'y\n']), 'héllo   x\na       y\n');
  assert.equal(format(['😀\tx\nab\ty\n']), '😀     x\nab    y\n');
});

test('columns are blocks of adjacent lines; a one-cell line ends the block', () => {
  const text = 'a\tb\nlong-cell\tc\nsingle\nd\te\n';
  assert.equal(format([text], { ...KUBECTL_TABWRITER, rememberWidths: false }), 'a           b\nlong-cell   c\nsingle\nd     e\n');
  // kubectl's writer remembers the first block's width for the next
  assert.equal(format([text]), 'a           b\nlong-cell   c\nsingle\nd           e\n');
});

test('remembered widths survive flush and only grow', () => {
  let out = '';
  const w = new TabWriter({ write: (s: string) => (out += s) });
  w.write('NAME\tAGE\nshort\t1s\n');
  w.flush();
  w.write('a-much-longer-name\t2s\n');
  w.flush();
  w.write('x\t3s\n');
  w.flush();
  assert.equal(out, 'NAME    AGE\nshort   1s\na-much-longer-name   2s\nx                    3s\n');
  assert.deepEqual(w.rememberedWidths(), [21]);
  w.setRememberedWidths(null);
  w.write('y\t4s\n');
  w.flush();
  assert.ok(out.endsWith('y     4s\n'), out);
});

test('without RememberWidths each flush starts over (rollout history / describe settings)', () => {
  let out = '';
  const w = new TabWriter({ write: (s: string) => (out += s) }, HISTORY_TABWRITER);
  w.write('REVISION\tCHANGE-CAUSE\n1\t<none>\n');
  w.flush();
  w.write('2\tx\n');
  w.flush();
  assert.equal(out, 'REVISION  CHANGE-CAUSE\n1         <none>\n2  x\n');
});

test('an unterminated last line is written without a newline; \\f flushes', () => {
  assert.equal(format(['a\tb\nc\td']), 'a     b\nc     d');
  assert.equal(format(['a\tb\fccccccc\td\n'], { ...KUBECTL_TABWRITER, rememberWidths: false }), 'a     b\nccccccc   d\n');
});

test('tab padding rounds cells up to tab stops', () => {
  assert.equal(format(['a\tb\nabcdefghi\tc\n'], { minWidth: 0, tabWidth: 8, padding: 1, padChar: '\t' }), 'a\t\tb\nabcdefghi\tc\n');
});
