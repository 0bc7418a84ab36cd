// admissionregistration.k8s.io: webhook configurations and admission policies with their bindings
// (printers.go).
import type { KubeObject } from '../../../api/object.ts';
import { AGE, NAME, integer, text } from '../columns.ts';
import { age, has, length, name, obj, spec, str } from '../fields.ts';
import { labelSelectorGoString } from '../labels.ts';
import type { TableEntry } from '../types.ts';

const webhookConfigurations: TableEntry = {
  columns: [NAME, integer('Webhooks', 'Webhooks in the configuration.'), AGE],
  row: (o, now) => [name(o), length(o.webhooks), age(o, now)],
};

export const mutatingWebhookConfigurations = webhookConfigurations;
export const validatingWebhookConfigurations = webhookConfigurations;

const paramKind = (o: KubeObject) => {
  const p = spec(o).paramKind;
  return has(p) ? `${str(obj(p).apiVersion)}/${str(obj(p).kind)}` : '<unset>';
};

export const validatingAdmissionPolicies: TableEntry = {
  columns: [
    NAME,
    integer('Validations', 'Validation rules in the policy.'),
    text('ParamKind', 'The kind of the policy\'s parameter objects.'),
    AGE,
  ],
  row: (o, now) => [name(o), length(spec(o).validations), paramKind(o), age(o, now)],
};

export const mutatingAdmissionPolicies: TableEntry = {
  columns: [
    NAME,
    integer('Mutations', 'Mutations in the policy.'),
    text('ParamKind', 'The kind of the policy\'s parameter objects.'),
    AGE,
  ],
  row: (o, now) => [name(o), length(spec(o).mutations), paramKind(o), age(o, now)],
};

/** The binding's parameter: "ns/name", "*\/name" when the namespace is not known, or a selector. */
function paramRef(o: KubeObject): string {
  const ref = spec(o).paramRef;
  if (!has(ref)) return '<unset>';
  const r = obj(ref);
  if (str(r.name) !== '') return str(r.namespace) !== '' ? `${str(r.namespace)}/${str(r.name)}` : `*/${str(r.name)}`;
  // upstream prints the selector's generated Go String()
  if (has(r.selector)) return labelSelectorGoString(r.selector);
  return '<unset>';
}

const policyBindings: TableEntry = {
  columns: [
    NAME,
    text('PolicyName', 'The policy bound.'),
    text('ParamRef', 'The parameter object, or how to select it.'),
    AGE,
  ],
  row: (o, now) => [name(o), str(spec(o).policyName), paramRef(o), age(o, now)],
};

export const validatingAdmissionPolicyBindings = policyBindings;
export const mutatingAdmissionPolicyBindings = policyBindings;
