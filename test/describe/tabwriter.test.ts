import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tabwrite } from '../../src/describe/tabwriter.ts';
import { nestedWriter, tabbedString } from '../../src/describe/writer.ts';

test('cells are padded to the widest of their column block plus two', () => {
  assert.equal(tabwrite('Name:\tfoo\nNamespace:\tdefault\n'), 'Name:       foo\nNamespace:  default\n');
});

test('a line without a tab ends every column block', () => {
  const text = 'A:\t1\nContainers:\n  LongerName:\t2\nB:\t3\n';
  // A is aligned alone; the second block holds "  LongerName:" (13 runes) and "B:"
  assert.equal(tabwrite(text), `A:  1\nContainers:\n  LongerName:  2\nB:${' '.repeat(13)}3\n`);
});

test('the last cell of a line is not padded and does not widen its column', () => {
  assert.equal(tabwrite('a\tb\tlast cell is long\nccc\td\te\n'), 'a    b  last cell is long\nccc  d  e\n');
});

test('nested columns: a deeper column block lives inside the outer one', () => {
  const text = 'Type\tReason\tMessage\nNormal\tX\tm1\nshort line\tonly two\n';
  // "only two" ends its line, so the second column spans the first two lines only
  assert.equal(tabwrite(text), 'Type        Reason  Message\nNormal      X       m1\nshort line  only two\n');
});

test('empty cells are padded too, and widths count runes, not UTF-16 units or bytes', () => {
  assert.equal(tabwrite('\tx\nab\ty\n'), '    x\nab  y\n');
  assert.equal(tabwrite('é😀:\t1\nab:\t2\n'), 'é😀:  1\nab:  2\n');
});

test('the prefix writer indents two spaces a level and escapes terminal controls', () => {
  const out = tabbedString((w) => {
    w.write(0, 'Top:\tv\x1b[31m\n');
    w.write(2, 'Deep:\tx\ry\n');
    w.writeLine('a', 'b');
  });
  assert.equal(out, 'Top:       v^[[31m\n    Deep:  x\\ry\na b\n');
});

test("a nested writer's writeLine is indented too, as upstream's", () => {
  const out = tabbedString((w) => {
    const n = nestedWriter(w, 2);
    n.write(0, 'Labels:\t');
    n.writeLine('<none>');
  });
  assert.equal(out, '    Labels:\t    <none>\n'.replace('\t', '  '));
});
