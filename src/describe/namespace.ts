// Namespaces, with their ResourceQuotas and LimitRanges, and those two kinds on their own.
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format.ts';
import { formatQuantity, newQuantity, quantityOf, quantityString, quantityValue, ZERO } from '../api/quantity.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer.ts';
import { byteOrder, obj, objs, sortedKeys, str, strs, type Obj } from './values.ts';

export interface NamespaceRelated {
  /** Undefined when the server does not serve the kind (nothing is shown then). */
  quotas: Obj[] | undefined;
  limitRanges: Obj[] | undefined;
}

export function describeNamespace(ns: Obj, related: NamespaceRelated): string {
  return tabbedString((w) => {
    const m = obj(ns.metadata);
    const st = obj(ns.status);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Status:\t${str(st.phase)}\n`);
    const conditions = objs(st.conditions);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${str(c.type)}\t${str(c.status)}\t${rfc1123z(c.lastTransitionTime)}\t${str(c.reason)}\t${str(c.message)}\n`);
    }
    if (related.quotas) {
      w.write(LEVEL_0, '\n');
      describeResourceQuotas(related.quotas, w);
    }
    if (related.limitRanges) {
      w.write(LEVEL_0, '\n');
      describeLimitRanges(related.limitRanges, w);
    }
  });
}

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

function sortedScopes(quota: Obj): string[] {
  return strs(obj(quota.spec).scopes).sort(byteOrder);
}

/** DescribeResourceQuotas: every quota of a namespace, by name. */
function describeResourceQuotas(quotas: Obj[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => byteOrder(str(obj(a.metadata).name), str(obj(b.metadata).name)))) {
    w.write(LEVEL_1, `Name:\t${str(obj(q.metadata).name)}\n`);
    const scopes = sortedScopes(q);
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(LEVEL_1, `* ${SCOPE_HELP[scope]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = obj(obj(q.status).hard);
    const used = obj(obj(q.status).used);
    for (const r of sortedKeys(hard)) w.write(LEVEL_1, `${r}\t${formatQuantity(used[r])}\t${formatQuantity(hard[r])}\n`);
  }
}

/** DescribeLimitRanges: every limit range of a namespace in one table. */
function describeLimitRanges(limitRanges: Obj[], w: PrefixWriter): void {
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of limitRanges) describeLimitRangeSpec(obj(lr.spec), ' ', w);
}

/** One row per resource of each limit; "-" where a bound is not set. */
function describeLimitRangeSpec(spec: Obj, prefix: string, w: PrefixWriter): void {
  for (const item of objs(spec.limits)) {
    const lists = [obj(item.min), obj(item.max), obj(item.defaultRequest), obj(item.default), obj(item.maxLimitRequestRatio)];
    // upstream walks a map here (random order); sorted is one of its orders
    const names = [...new Set(lists.flatMap((l) => Object.keys(l)))].sort(byteOrder);
    for (const name of names) {
      const cells = lists.map((l) => (name in l ? formatQuantity(l[name]) : '-'));
      w.write(LEVEL_0, `${prefix}${str(item.type)}\t${name}\t${cells.join('\t')}\n`);
    }
  }
}

export function describeLimitRange(lr: Obj): string {
  return tabbedString((w) => {
    const m = obj(lr.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(obj(lr.spec), '', w);
  });
}

export function describeResourceQuota(q: Obj): string {
  return tabbedString((w) => {
    const m = obj(q.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    const scopes = sortedScopes(q);
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(LEVEL_0, ` * ${SCOPE_HELP[scope]}\n`);
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = obj(obj(q.status).hard);
    const used = obj(obj(q.status).used);
    for (const r of sortedKeys(hard)) {
      const h = quantityOf(hard[r]);
      let u = r in used ? quantityOf(used[r]) : undefined;
      // a used amount in another format is shown in the hard limit's (an absent one is formatless)
      if (!u || u.format !== h.format) u = newQuantity(quantityValue(u ?? ZERO), h.format);
      w.write(LEVEL_0, `${r}\t${quantityString(u)}\t${quantityString(h)}\n`);
    }
  });
}
