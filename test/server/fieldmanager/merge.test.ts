import assert from 'node:assert/strict';
import test from 'node:test';
import { TypeIndex } from '../../../src/api/types.ts';
import { merge, removeItems } from '../../../src/server/fieldmanager/merge.ts';
import { fieldElement, keyElement, pathKey, pathString, valueElement } from '../../../src/server/fieldmanager/path-set.ts';
import { Schema } from '../../../src/server/fieldmanager/typed.ts';

// The types of structured-merge-diff's typed/merge_test.go ("struct grab bag", "associative list").
const schema = new Schema(
  new TypeIndex({
    'test.Root': {
      fields: [
        { name: 'numeric', type: 'double' },
        { name: 'string', type: 'string' },
        { name: 'bool', type: 'boolean' },
        { name: 'setStr', type: 'string', repeated: true, listType: 'set' },
        { name: 'setBool', type: 'boolean', repeated: true, listType: 'set' },
        { name: 'setNumeric', type: 'double', repeated: true, listType: 'set' },
        { name: 'list', type: 'test.Element', repeated: true, listType: 'map', listMapKeys: ['key', 'id'] },
        { name: 'atomicList', type: 'string', repeated: true, listType: 'atomic' },
        { name: 'map', type: 'string', map: true },
        { name: 'atomicMap', type: 'string', map: true, mapType: 'atomic' },
      ],
    },
    'test.Element': {
      fields: [
        { name: 'key', type: 'string' },
        { name: 'id', type: 'double' },
        { name: 'value', type: 'string', map: true },
        { name: 'bv', type: 'boolean' },
        { name: 'nv', type: 'double' },
      ],
    },
  }),
);
const ROOT = { type: 'test.Root' };

// [live, applied, merged] triplets of typed/merge_test.go: live-only items keep their place
// around shared ones, applied order wins, duplicated live items are not merged.
const TRIPLETS: [string, string, string][] = [
  ['{"numeric":1}', '{"numeric":3.14159}', '{"numeric":3.14159}'],
  ['{"numeric":3.14159}', '{"numeric":1}', '{"numeric":1}'],
  ['{"string":"aoeu"}', '{"bool":true}', '{"string":"aoeu","bool":true}'],
  ['{"setStr":["a","b","c"]}', '{"setStr":["a","b"]}', '{"setStr":["a","b","c"]}'],
  ['{"setStr":["a","b"]}', '{"setStr":["a","b","c"]}', '{"setStr":["a","b","c"]}'],
  ['{"setStr":["a","b","c"]}', '{"setStr":[]}', '{"setStr":["a","b","c"]}'],
  ['{"setStr":[]}', '{"setStr":["a","b","c"]}', '{"setStr":["a","b","c"]}'],
  ['{"setStr":["a","b"]}', '{"setStr":["b","a"]}', '{"setStr":["b","a"]}'],
  ['{"setStr":["a","b","c"]}', '{"setStr":["d","e","f"]}', '{"setStr":["a","b","c","d","e","f"]}'],
  ['{"setStr":["a","b","c"]}', '{"setStr":["c","d","e","f"]}', '{"setStr":["a","b","c","d","e","f"]}'],
  ['{"setStr":["a","b","c","g","f"]}', '{"setStr":["c","d","e","f"]}', '{"setStr":["a","b","c","g","d","e","f"]}'],
  ['{"setStr":["a","b","c"]}', '{"setStr":["d","e","f","x","y","z"]}', '{"setStr":["a","b","c","d","e","f","x","y","z"]}'],
  ['{"setStr":["c","d","e","f"]}', '{"setStr":["a","c","e"]}', '{"setStr":["a","c","d","e","f"]}'],
  ['{"setStr":["a","b","c","x","y","z"]}', '{"setStr":["d","e","f"]}', '{"setStr":["a","b","c","x","y","z","d","e","f"]}'],
  ['{"setStr":["a","b","c","x","y","z"]}', '{"setStr":["d","e","f","x","y","z"]}', '{"setStr":["a","b","c","d","e","f","x","y","z"]}'],
  ['{"setStr":["c","a","g","f"]}', '{"setStr":["c","f","a","g"]}', '{"setStr":["c","f","a","g"]}'],
  ['{"setStr":["a","b","c","d"]}', '{"setStr":["d","e","f","a"]}', '{"setStr":["b","c","d","e","f","a"]}'],
  ['{"setStr":["c","d","e","f","g","h","i","j"]}', '{"setStr":["2","h","3","e","4","k","l"]}', '{"setStr":["c","d","f","g","2","h","i","j","3","e","4","k","l"]}'],
  ['{"setStr":["a","b","c","d","e","f","g","h","i","j"]}', '{"setStr":["1","b","2","h","3","e","4","k","l"]}', '{"setStr":["a","1","b","c","d","f","g","2","h","i","j","3","e","4","k","l"]}'],
  ['{"setStr":["a","b","b"]}', '{"setStr":["c"]}', '{"setStr":["a","b","b","c"]}'],
  ['{"setStr":["a","b","b"]}', '{"setStr":["b"]}', '{"setStr":["a","b"]}'],
  ['{"setStr":["a","b","b"]}', '{"setStr":["a"]}', '{"setStr":["a","b","b"]}'],
  ['{"setStr":["a","b","c","d","e","c"]}', '{"setStr":["1","b","2","e","d"]}', '{"setStr":["a","1","b","c","2","e","c","d"]}'],
  ['{"setStr":["a","b","c","d","e","c"]}', '{"setStr":["1","b","2","c","e","d"]}', '{"setStr":["a","1","b","2","c","e","d"]}'],
  ['{"setStr":["a","a","b","b"]}', '{"setStr":["b","c","d"]}', '{"setStr":["a","a","b","c","d"]}'],
  ['{"setStr":["a","a","b","b"]}', '{"setStr":[]}', '{"setStr":["a","a","b","b"]}'],
  ['{"setBool":[true]}', '{"setBool":[false]}', '{"setBool":[true, false]}'],
  ['{"setNumeric":[1,2,3.14159]}', '{"setNumeric":[1,2,3]}', '{"setNumeric":[1,2,3.14159,3]}'],
  ['{"setStr":["c","a","g","f","c","a"]}', '{"setStr":["c","f","a","g"]}', '{"setStr":["c","f","a","g"]}'],
  ['{"setNumeric":[1,2,3.14159,1,2]}', '{"setNumeric":[1,2,3]}', '{"setNumeric":[1,2,3.14159,3]}'],
  ['{"setBool":[true,false,true]}', '{"setBool":[false]}', '{"setBool":[true,false,true]}'],
  ['{"setBool":[true,false,true]}', '{"setBool":[true]}', '{"setBool":[true, false]}'],
  ['{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}', '{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}', '{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}'],
  ['{"list":[{"key":"a","id":1,"value":{"a":"a"}}]}', '{"list":[{"key":"a","id":2,"value":{"a":"a"}}]}', '{"list":[{"key":"a","id":1,"value":{"a":"a"}},{"key":"a","id":2,"value":{"a":"a"}}]}'],
  ['{"list":[{"key":"a","id":1},{"key":"b","id":1}]}', '{"list":[{"key":"a","id":1},{"key":"a","id":2}]}', '{"list":[{"key":"a","id":1},{"key":"b","id":1},{"key":"a","id":2}]}'],
  ['{"list":[{"key":"b","id":2}]}', '{"list":[{"key":"a","id":1},{"key":"b","id":2},{"key":"c","id":3}]}', '{"list":[{"key":"a","id":1},{"key":"b","id":2},{"key":"c","id":3}]}'],
  ['{"list":[{"key":"a","id":1},{"key":"b","id":2},{"key":"c","id":3}]}', '{"list":[{"key":"c","id":3},{"key":"b","id":2}]}', '{"list":[{"key":"a","id":1},{"key":"c","id":3},{"key":"b","id":2}]}'],
  ['{"list":[{"key":"a","id":1},{"key":"b","id":2},{"key":"c","id":3}]}', '{"list":[{"key":"c","id":3},{"key":"a","id":1}]}', '{"list":[{"key":"b","id":2},{"key":"c","id":3},{"key":"a","id":1}]}'],
  ['{"atomicList":["a","a","a"]}', '{"atomicList":null}', '{"atomicList":null}'],
  ['{"atomicList":["a","b","c"]}', '{"atomicList":[]}', '{"atomicList":[]}'],
  ['{"atomicList":["a","a","a"]}', '{"atomicList":["a","a"]}', '{"atomicList":["a","a"]}'],
  ['{"list":[{"key":"a","id":1,"bv":true},{"key":"b","id":2},{"key":"a","id":1,"bv":false,"nv":2}]}', '{"list":[{"key":"a","id":1,"nv":3},{"key":"c","id":3},{"key":"b","id":2}]}', '{"list":[{"key":"a","id":1,"nv":3},{"key":"c","id":3},{"key":"b","id":2}]}'],
  ['{"list":[{"key":"a","id":1,"nv":1},{"key":"a","id":1,"nv":2}]}', '{"list":[]}', '{"list":[{"key":"a","id":1,"nv":1},{"key":"a","id":1,"nv":2}]}'],
  ['{"list":[{"key":"a","id":1,"nv":1},{"key":"a","id":1,"nv":2}]}', '{}', '{"list":[{"key":"a","id":1,"nv":1},{"key":"a","id":1,"nv":2}]}'],
];

test('merge: structured-merge-diff merge triplets for scalars, sets and associative lists', () => {
  for (const [lhs, rhs, out] of TRIPLETS) {
    assert.deepEqual(merge(schema, ROOT, JSON.parse(lhs), JSON.parse(rhs)), JSON.parse(out), `${lhs} + ${rhs}`);
  }
});

test('merge: granular maps merge key by key, atomic maps are replaced', () => {
  assert.deepEqual(merge(schema, ROOT, { map: { a: '1', b: '2' } }, { map: { b: '3', c: '4' } }), { map: { a: '1', b: '3', c: '4' } });
  assert.deepEqual(merge(schema, ROOT, { atomicMap: { a: '1', b: '2' } }, { atomicMap: { c: '4' } }), { atomicMap: { c: '4' } });
  assert.deepEqual(merge(schema, ROOT, { map: { a: '1' } }, { map: {} }), { map: { a: '1' } });
});

test('merge: an item merges field by field with its live counterpart', () => {
  const live = { list: [{ key: 'a', id: 1, bv: true, value: { x: '1' } }] };
  const applied = { list: [{ key: 'a', id: 1, nv: 2, value: { y: '2' } }] };
  assert.deepEqual(merge(schema, ROOT, live, applied), { list: [{ key: 'a', id: 1, bv: true, value: { x: '1', y: '2' }, nv: 2 }] });
});

test('merge: an unindexable live list fails', () => {
  assert.throws(() => merge(schema, ROOT, { setStr: [{ a: 1 }] }, { setStr: ['b'] }), /element 0: associative list without keys has an element that's a map type/);
});

const p = (...els: string[]) => pathKey(els);

test('removeItems: members go with what they hold; emptied maps and lists become null', () => {
  const value = { setStr: ['a', 'b'], list: [{ key: 'a', id: 1, nv: 1, bv: true }, { key: 'b', id: 2 }], map: { x: '1' }, string: 's' };
  const { value: out, emptied } = removeItems(schema, ROOT, value, [
    p(fieldElement('setStr'), valueElement('a')),
    p(fieldElement('list'), keyElement({ key: 'b', id: 2 })),
    p(fieldElement('list'), keyElement({ key: 'a', id: 1 }), fieldElement('nv')),
    p(fieldElement('map'), fieldElement('x')),
  ]);
  assert.deepEqual(out, { setStr: ['b'], list: [{ key: 'a', id: 1, bv: true }], map: null, string: 's' });
  assert.deepEqual(emptied.map(pathString), ['.map']);
  assert.deepEqual(value.map, { x: '1' }, 'the input is left alone');
});
