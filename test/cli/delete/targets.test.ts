// delete's selection checks before any request (its own and the builder's): kubectl's texts and precedence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { command } from '../../../src/cli/delete.ts';
import { complete, toOptions } from '../../../src/cli/delete/options.ts';
import { buildRequest, checkSomethingSelected, kindString } from '../../../src/cli/delete/targets.ts';
import { aggregate, MultipleErrors } from '../../../src/cli/errors.ts';
import { checkArguments } from '../../../src/cli/resource/builder.ts';
import { FlagSet, Flags } from '../../../src/cli/flags.ts';

function check(...argv: string[]): void {
  const parsed = new FlagSet(command.flags!).parse(argv);
  const f = new Flags(parsed);
  const o = complete(toOptions(f, () => {}), f, () => {});
  const req = buildRequest(o, parsed.args, { program: 'kubectl', cwd: process.cwd() });
  checkSomethingSelected(req);
  checkArguments(req);
}

test('what each way of selecting forbids', () => {
  assert.doesNotThrow(() => check('cm', 'a'));
  assert.doesNotThrow(() => check('cm/a', 'secret/b'));
  assert.doesNotThrow(() => check('cm', '--all'));
  assert.doesNotThrow(() => check('cm', '-l', 'a=b'));
  assert.throws(() => check(), { message: /^You must provide one or more resources by argument or filename\.\nExample resource specifications include:\n   '-f rsrc\.yaml'/ });
  assert.throws(() => check('--all'), { message: 'at least one resource must be specified to use a selector' });
  assert.throws(() => check('--field-selector', 'a=b'), { message: 'at least one resource must be specified to use a selector' });
  assert.throws(() => check('cm', 'a', '-l', 'x=y'), { message: 'name cannot be provided when a selector is specified' });
  assert.throws(() => check('cm/a', '--all'), { message: 'selectors and the all flag cannot be used when passing resource/name arguments' });
  assert.throws(() => check('cm', '--all', '-l', 'a=b'), { message: "setting 'all' parameter but found a non empty selector. " });
  // a blank selector is no selector
  assert.doesNotThrow(() => check('cm', 'a', '-l', ' '));
});

test('paths come first, then their own restrictions', () => {
  assert.throws(() => check('-f', '/no/such/file.yaml', 'cm/x'), { message: 'the path "/no/such/file.yaml" does not exist' });
  assert.throws(() => check('-f', '-', 'cm/x'), { message: 'resource/name arguments cannot be provided when a path is specified' });
  assert.throws(() => check('-f', '-', 'cm'), { message: 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well' });
  assert.doesNotThrow(() => check('-f', '-', '--all'));
});

test('several early problems are reported together, one per line', () => {
  let caught: unknown;
  try {
    check('-f', '/no/a.yaml', '-f', '/no/b.yaml', 'cm', '--all', '-l', 'a=b');
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof MultipleErrors);
  assert.equal(caught.kubectlMessage(), 'the path "/no/a.yaml" does not exist\nthe path "/no/b.yaml" does not exist\nsetting \'all\' parameter but found a non empty selector. ');
  const one = new Error('x');
  assert.equal(aggregate([one]), one);
});

test('kind strings name the group except for the core one', () => {
  assert.equal(kindString({ kind: 'ConfigMap', group: '' }), 'configmap');
  assert.equal(kindString({ kind: 'Deployment', group: 'apps' }), 'deployment.apps');
  assert.equal(kindString({ kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' }), 'clusterrole.rbac.authorization.k8s.io');
});
