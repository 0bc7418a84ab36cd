// PersistentVolumes, PersistentVolumeClaims, StorageClasses, CSINodes, VolumeAttributesClasses.
import { describeEvents } from './events.ts';
import { since } from '../api/duration.ts';
import { formatLabels } from '../api/labels/format.ts';
import { printAnnotationsMultiline, printBoolPtr, printLabelsMultiline, printPodsMultiline, rfc1123z } from './format.ts';
import { formatQuantity } from '../api/quantity.ts';
import { accessModesString, describeVolumeSource, printPersistentVolumeClaim } from './volumes.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4, tabbedString, type PrefixWriter } from './writer.ts';
import { goStrings, has, int, obj, objs, str, strMap, strs, type Obj } from './values.ts';

/** GetPersistentVolumeClass: the beta annotation first. */
function volumeClass(pv: Obj): string {
  const annotations = strMap(obj(pv.metadata).annotations);
  if ('volume.beta.kubernetes.io/storage-class' in annotations) return annotations['volume.beta.kubernetes.io/storage-class']!;
  return str(obj(pv.spec).storageClassName);
}

function printNodeAffinity(w: PrefixWriter, affinity: unknown): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  const required = obj(affinity).required;
  if (!has(affinity) || !has(required)) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = objs(obj(required).nodeSelectorTerms);
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = objs(term.matchExpressions);
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      let expr = `${str(req.key)} ${str(req.operator).toLowerCase()}`;
      if (strs(req.values).length > 0) expr += ` [${strs(req.values).join(', ')}]`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

export function describePersistentVolume(pv: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(pv.metadata);
    const s = obj(pv.spec);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStrings(m.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${volumeClass(pv)}\n`);
    if (has(m.deletionTimestamp)) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(m.deletionTimestamp, now)})\n`);
    else w.write(LEVEL_0, `Status:\t${str(obj(pv.status).phase)}\n`);
    const claim = s.claimRef;
    w.write(LEVEL_0, `Claim:\t${has(claim) ? `${str(obj(claim).namespace)}/${str(obj(claim).name)}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${str(s.persistentVolumeReclaimPolicy)}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(s.accessModes)}\n`);
    if (has(s.volumeMode)) w.write(LEVEL_0, `VolumeMode:\t${str(s.volumeMode)}\n`);
    w.write(LEVEL_0, `Capacity:\t${formatQuantity(obj(s.capacity).storage)}\n`);
    printNodeAffinity(w, s.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${str(obj(pv.status).message)}\n`);
    w.write(LEVEL_0, 'Source:\n');
    if (!describeVolumeSource(s, w, true)) w.write(LEVEL_1, '<unknown>\n');
    if (events) describeEvents(events, w, now);
  });
}

/** The pods using a claim: those mounting it, then pods owning it (getPodsForPVC). */
export function podsForClaim(pvc: Obj, pods: Obj[]): Obj[] {
  const name = str(obj(pvc.metadata).name);
  const using: Obj[] = [];
  for (const pod of pods) {
    for (const v of objs(obj(pod.spec).volumes)) if (has(v.persistentVolumeClaim) && str(obj(v.persistentVolumeClaim).claimName) === name) using.push(pod);
  }
  const uidOf = (p: Obj) => str(obj(p.metadata).uid);
  for (const ref of objs(obj(pvc.metadata).ownerReferences)) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => uidOf(p) === str(ref.uid));
    if (!owner || using.some((p) => uidOf(p) === uidOf(owner))) continue;
    using.push(owner);
  }
  return using;
}

export function describePersistentVolumeClaim(pvc: Obj, pods: Obj[], events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(pvc.metadata);
    printPersistentVolumeClaim(w, pvc, true, has(m.deletionTimestamp) ? since(m.deletionTimestamp, now) : undefined);
    printPodsMultiline(w, 'Used By', pods);
    const conditions = objs(obj(pvc.status).conditions);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`);
      }
    }
    if (events) describeEvents(events, w, now);
  });
}

/** IsDefaultAnnotationText. */
function isDefaultClass(sc: Obj): string {
  const a = strMap(obj(sc.metadata).annotations);
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true' ? 'Yes' : 'No';
}

export function describeStorageClass(sc: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(sc.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClass(sc)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(m.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${str(sc.provisioner)}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
    const options = strs(sc.mountOptions);
    if (options.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of options) w.write(LEVEL_1, `${o}\n`);
    }
    if (has(sc.reclaimPolicy)) w.write(LEVEL_0, `ReclaimPolicy:\t${str(sc.reclaimPolicy)}\n`);
    if (has(sc.volumeBindingMode)) w.write(LEVEL_0, `VolumeBindingMode:\t${str(sc.volumeBindingMode)}\n`);
    if (has(sc.allowedTopologies)) {
      const topologies = objs(sc.allowedTopologies);
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (topologies.length === 0) w.writeLine('<none>');
      else {
        w.writeLine('');
        topologies.forEach((term, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`);
          const reqs = objs(term.matchLabelExpressions);
          if (reqs.length === 0) {
            w.writeLine('<none>');
            return;
          }
          reqs.forEach((req, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            let expr = `${str(req.key)} in`;
            if (strs(req.values).length > 0) expr += ` [${strs(req.values).join(', ')}]`;
            w.write(LEVEL_0, `${expr}\n`);
          });
        });
      }
    }
    if (events) describeEvents(events, w, now);
  });
}

export function describeVolumeAttributesClass(vac: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(vac.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(m.annotations)}\n`);
    w.write(LEVEL_0, `DriverName:\t${str(vac.driverName)}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(vac.parameters)}\n`);
    if (events) describeEvents(events, w, now);
  });
}

export function describeCsiNode(csi: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(csi.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    w.write(LEVEL_0, 'Spec:\n');
    const drivers = obj(csi.spec).drivers;
    if (has(drivers)) {
      w.write(LEVEL_1, 'Drivers:\n');
      for (const d of objs(drivers)) {
        w.write(LEVEL_2, `${str(d.name)}:\n`);
        w.write(LEVEL_3, `Node ID:\t${str(d.nodeID)}\n`);
        if (has(obj(d.allocatable).count)) {
          w.write(LEVEL_3, 'Allocatables:\n');
          w.write(LEVEL_4, `Count:\t${int(obj(d.allocatable).count)}\n`);
        }
        if (has(d.topologyKeys)) w.write(LEVEL_3, `Topology Keys:\t${goStrings(d.topologyKeys)}\n`);
      }
    }
    if (events) describeEvents(events, w, now);
  });
}
