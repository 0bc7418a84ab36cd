// Values whose -o yaml / -o json rendering is checked against real kubectl. Each case becomes one
// ConfigMap-shaped object `{apiVersion, kind, metadata: {name}, value}`; names are stable because
// the recorded kubectl output in fixtures/ is keyed by them.

const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua';
const long = `${words} ${words} ${words}`;

const strings: Record<string, string> = {
  // words YAML 1.1 reads as bool/null
  'bool-true': 'true', 'bool-True': 'True', 'bool-TRUE': 'TRUE', 'bool-tRUE': 'tRUE', 'bool-false': 'false',
  'bool-yes': 'yes', 'bool-Yes': 'Yes', 'bool-no': 'no', 'bool-NO': 'NO', 'bool-on': 'on', 'bool-off': 'off',
  'bool-OFF': 'OFF', 'bool-y': 'y', 'bool-Y': 'Y', 'bool-n': 'n', 'bool-N': 'N', 'word-yess': 'yess',
  'null-null': 'null', 'null-Null': 'Null', 'null-NULL': 'NULL', 'null-nUll': 'nUll', 'null-tilde': '~', 'empty': '',
  // numbers
  'int': '123', 'int-neg': '-123', 'int-plus': '+123', 'int-octal': '0123', 'int-08': '08', 'int-zero': '0',
  'int-hex': '0x1F', 'int-hex-bad': '0x1G', 'int-0x': '0x', 'int-octal-o': '0o17', 'int-bin': '0b101',
  'int-bin-signed': '0b-101', 'int-neg-bin': '-0b101', 'int-underscore': '1_000', 'int-underscore-lead': '_1000',
  'int-uint64': '18446744073709551615', 'int-over-uint64': '18446744073709551616',
  'int-int64-plus1': '9223372036854775808', 'int-int64-min-minus1': '-9223372036854775809',
  'int-hex-huge': '0xFFFFFFFFFFFFFFFFFFFF', 'int-neg-hex-huge': '-0xFFFFFFFFFFFFFFFFFFFF',
  'float-exp': '1e3', 'float-EXP': '1E3', 'float': '1.5', 'float-neg': '-1.5', 'float-dot': '.5', 'float-plus-dot': '+.5',
  'float-trailing-dot': '1.', 'float-dot-underscore': '.5_5', 'float-dot-bad-underscore': '._5', 'float-huge': '1e999',
  'float-dot-e': '.5e3', 'float-dot-huge': '.5e999', 'float-inf': '.inf', 'float-Inf': '.Inf', 'float-iNf': '.iNf',
  'float-plus-inf': '+.inf', 'float-minus-inf': '-.inf', 'float-nan': '.NaN', 'float-plain-inf': 'inf',
  'version': '1.2.3', 'dots': '..', 'dot': '.',
  // base 60
  'base60': '1:20', 'base60-3': '12:30:45', 'base60-bad': '1:60', 'base60-neg': '-1:30', 'base60-frac': '1:20.5', 'time-ish': '10:00am',
  // timestamps
  'date': '2024-01-02', 'date-short': '2024-1-2', 'date-feb30': '2024-02-30', 'date-leap': '2024-02-29', 'date-noleap': '2023-02-29',
  'date-month13': '2024-13-01', 'ts-z': '2024-01-02T03:04:05Z', 'ts-nozone': '2024-01-02T03:04:05', 'ts-lower-t': '2024-01-02t03:04:05.123+05:30',
  'ts-space': '2024-01-02 03:04:05', 'ts-space-frac': '2024-01-02 03:04:05.5', 'ts-space-zone': '2024-01-02 03:04:05Z',
  'ts-hour25': '2024-01-02T25:04:05Z', 'ts-comma': '2024-01-02T03:04:05,5Z', 'ts-5digit-year': '20240-01-02', 'ts-offset-hour24': '2024-01-02T03:04:05+24:00',
  'ts-offset-hour25': '2024-01-02T03:04:05+25:00',
  // indicators
  'merge': '<<', 'eq': '=', 'dash': '-', 'dash2': '--', 'dash3': '---', 'dash3a': '---a', 'dots3': '...', 'dash-space': '- a',
  'dash-word': '-a', 'question': '?', 'question-space': '? a', 'question-word': '?a', 'colon': ':', 'colon-word': ':a',
  'colon-space': ': a', 'trailing-colon': 'a:', 'key-value': 'a: b', 'colon-inside': 'a:b', 'space-colon': 'a :b', 'url': 'http://example.com:8080/x?y=z#w',
  'hash-space': 'a #b', 'hash-inside': 'a#b', 'hash-first': '#a', 'at': '@a', 'backtick': '`a', 'percent': '%a', 'bang': '!a',
  'amp': '&a', 'star': '*a', 'pipe': '|a', 'gt': '>a', 'squote-first': "'a", 'dquote-first': '"a', 'squote-inside': "a'b",
  'dquote-inside': 'a"b', 'comma-first': ',a', 'bracket-first': '[a', 'bracket-close': ']a', 'brace-first': '{a', 'brace-close': '}a',
  'comma-inside': 'a,b', 'brackets-inside': 'a[b]', 'braces-inside': 'a{b}', 'json': '{"a":1}', 'tilde-word': '~a', 'tab-hash': 'a\t#b',
  // whitespace
  'leading-space': ' a', 'trailing-space': 'a ', 'space': ' ', 'spaces': '  ', 'double-space': 'a  b', 'tab': 'a\tb', 'tab-only': '\t',
  'backslash': 'a\\b',
  // multi-line
  'lines': 'line1\nline2', 'lines-nl': 'line1\nline2\n', 'lines-nl2': 'line1\nline2\n\n', 'nl': '\n', 'nl2': '\n\n', 'nl-first': '\nabc',
  'space-first-lines': ' abc\ndef', 'space-before-nl': 'abc \ndef', 'space-after-nl': 'abc\n def', 'blank-line': 'abc\n\ndef',
  'crlf': 'a\r\nb', 'cr': 'a\rb', 'tab-lines': 'multi\ttab\nline', 'lines-trailing-space': 'a\nb ', 'lines-quotes': 'it\'s\n"q"',
  'lines-hash': '# comment\nkey: value\n', 'lines-long': `${long}\n${long}\n`, 'lines-indented': 'a\n  b\n    c\n',
  // unicode and control characters
  'nul': '\u0000', 'ctrl': '\u0001x', 'esc': '\u001b[0m', 'bell': '\u0007', 'vt-ff': '\u000b\u000c', 'bs': '\b',
  'nel': 'a\u0085b', 'nel-spaces': 'a  \u0085  b', 'nel-2': 'a\u0085\u0085b', 'nel-3-spaced': 'a \u0085 \u0085 \u0085 b', 'nel-only': '\u0085', 'nbsp': '\u00a0x', 'nbsp-trailing': 'x\u00a0', 'ls': '\u2028', 'ls-inside': 'a\u2028b',
  'ps-inside': 'a\u2029b', 'latin': 'é', 'cjk': '日本語', 'emoji': '😀', 'emoji-inside': 'a😀b', 'bom': '\ufeffbom',
  'private': '\ue000', 'lines-emoji': 'é\n😀', 'zwj': 'a\u200db', 'rtl': 'שלום', 'lone-surrogate': 'a\ud800b',
  // folding
  'long': long, 'long-nospace': 'x'.repeat(200), 'long-double-spaces': long.replace(/ /g, '  '),
  'long-space-at-80': `${'a'.repeat(80)} ${'b'.repeat(10)} c`, 'long-space-at-81': `${'a'.repeat(81)} b c`,
  'long-multi-spaces': `${'a'.repeat(85)}   b ${'c'.repeat(90)} d`, 'long-single': `#${long}`, 'long-single-colon': `${long}: x`,
  'long-double': `\t${long}`, 'long-double-spaces-fold': `\t${long.replace(/ /g, '  ')}`, 'long-emoji': `😀 ${long}`,
  'long-cjk': `${'日本語 '.repeat(40)}`, 'long-trailing-space': `${long} `, 'long-leading-space': ` ${long}`,
  'long-true-ish': `${'1'.repeat(100)}`, 'long-url': `https://example.com/${'path/'.repeat(30)}`,
};

const numbers: Record<string, number> = {
  'n-zero': 0, 'n-neg': -1, 'n-int': 42, 'n-half': 0.5, 'n-1.5': 1.5, 'n-neg-half': -0.5, 'n-pi': 3.14159,
  'n-123456.5': 123456.5, 'n-1234567.5': 1234567.5, 'n-1e-4': 0.0001, 'n-1e-5': 0.00001, 'n-1.5e-7': 1.5e-7,
  'n-point3': 0.1 + 0.2, 'n-2^53': 2 ** 53, 'n-neg-2^53': -(2 ** 53), 'n-2^63': 2 ** 63, 'n-2^64': 2 ** 64,
  'n-1e20': 1e20, 'n-1e21': 1e21, 'n-1.5e300': 1.5e300, 'n-max': Number.MAX_VALUE, 'n-min': Number.MIN_VALUE,
  'n-1e6': 1e6, 'n-1e15': 1e15,
};

const keyOrder = ['a10', 'a2', 'a1', 'b', 'B', '_x', '-y', '1', '10', '2', 'a-b', 'aB', 'ab', 'é', 'z', 'Z', 'a01', 'a001',
  'a0', 'a00', 'x9y', 'x10y', 'x09y', '.a', '~', 'ä', 'a.b', 'a/b', 'a_b', '日本', '😀', 'k8s', 'k08s', '', 'v1beta1', 'v1', 'v10'];
// Not here: keys on which go-yaml's comparison is cyclic (a10 < a1b < a01 < a001 < a2 < a10, v1beta1 < v2alpha1 < v10 < v1beta1). Go's
// random map order makes kubectl print those differently from run to run.

const structures: Record<string, unknown> = {
  'null': null, 'true': true, 'false': false,
  'empty-map': {}, 'empty-list': [], 'list-empty-things': [{}, [], null, ''],
  'map-empty-things': { a: {}, b: [], c: null, d: '' },
  'list-of-maps': [{ name: 'a', value: '1' }, { name: 'b', env: [{ name: 'X', value: 'y' }] }],
  'list-of-lists': [[1, 2], [[3], [4, [5]]], []],
  'nested': { a: { b: { c: { d: ['e', { f: 'g' }] } } } },
  'key-order': Object.fromEntries(keyOrder.map((k, i) => [k, i])),
  'keys-tricky': { 'true': 1, 'y': 2, 'null': 3, '123': 4, 'a: b': 5, '#x': 6, ' lead': 7, '-': 8, '- x': 9, '2024-01-02': 10, '1:20': 11 },
  'key-128': { ['k'.repeat(128)]: 'v' }, 'key-129': { ['k'.repeat(129)]: 'v' }, 'key-129-list': { ['k'.repeat(129)]: ['a', { b: 'c' }] },
  'key-129-map': { ['k'.repeat(129)]: { a: 1, b: [] } }, 'key-multibyte': { ['é'.repeat(64)]: 'v', ['é'.repeat(65)]: 'w' },
  'key-long-quoted': { [`#${'k'.repeat(130)}`]: 'v' }, 'key-long-folding': { [long]: long },
  'key-multiline': { 'a\nb': 'v' }, 'key-multiline-long': { [`${long}\n`]: 'v' }, 'key-tab': { 'a\tb': 'v' },
  'key-emoji': { '😀': 'v' }, 'key-empty': { '': 'v' }, 'key-space': { ' ': 'v' },
  'deep-long': { a: { b: { c: [{ d: long, e: `#${long}`, f: `\t${long}`, g: `${long}\n${long}` }] } } },
  'list-long': [long, `#${long}`, `x\n${long}`, [long]],
  'list-multiline': ['a\nb', ['c\nd\n'], { k: 'e\nf' }],
  'list-nested-maps': [{ a: [{ b: [{ c: 1 }] }] }],
  'annotations': {
    'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"name":"x","namespace":"default"}}\n',
    'example.com/description': long,
  },
  'mixed-types': [1, 'a', true, null, 1.5, { a: 'b' }, ['c']],
};

export function printerCases(): Array<[string, unknown]> {
  return [
    ...Object.entries(strings).map(([k, v]): [string, unknown] => [`s-${k}`, v]),
    ...Object.entries(numbers).map(([k, v]): [string, unknown] => [k, v]),
    ...Object.entries(structures).map(([k, v]): [string, unknown] => [`x-${k}`, v]),
  ];
}

/** The object a case is wrapped in, so kubectl will accept and print it. */
export function caseObject(name: string, value: unknown): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, value };
}
