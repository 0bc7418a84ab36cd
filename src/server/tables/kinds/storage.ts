// Persistent volumes and claims, storage classes, and the CSI kinds (printers.go).
import type { KubeObject } from '../../../api/object.ts';
import { AGE, NAME, boolean, integer, text, wide } from '../columns.ts';
import { age, annotations, deleting, has, items, length, name, obj, spec, status, str, strings } from '../fields.ts';
import { formatQuantity } from '../../../api/quantity.ts';
import type { TableEntry } from '../types.ts';

const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, each once. */
export function accessModes(modes: unknown): string {
  const set = new Set(strings(modes));
  const short: [string, string][] = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];
  return short.filter(([mode]) => set.has(mode)).map(([, s]) => s).join(',');
}

/** GetPersistentVolume(Claim)Class: the beta annotation, even empty, wins over the field. */
function storageClass(o: KubeObject): string {
  const a = annotations(o);
  return BETA_STORAGE_CLASS in a ? str(a[BETA_STORAGE_CLASS]) : str(spec(o).storageClassName);
}

const unset = (v: unknown) => (has(v) ? str(v) : '<unset>');

export const persistentVolumes: TableEntry = {
  columns: [
    NAME,
    text('Capacity', 'The volume\'s storage capacity.'),
    text('Access Modes', 'How the volume can be mounted.'),
    text('Reclaim Policy', 'What happens to the volume when released.'),
    text('Status', 'The volume\'s phase.'),
    text('Claim', 'The claim bound to the volume.'),
    text('StorageClass', 'The volume\'s storage class.'),
    text('VolumeAttributesClass', 'The volume\'s attributes class.'),
    text('Reason', 'Why the volume is in its phase.'),
    AGE,
    wide('VolumeMode', 'Filesystem or Block.'),
  ],
  row(o, now) {
    const sp = spec(o);
    const claimRef = has(sp.claimRef) ? `${str(obj(sp.claimRef).namespace)}/${str(obj(sp.claimRef).name)}` : '';
    return [
      name(o), formatQuantity(obj(sp.capacity).storage), accessModes(sp.accessModes), str(sp.persistentVolumeReclaimPolicy),
      deleting(o) ? 'Terminating' : str(status(o).phase), claimRef, storageClass(o), unset(sp.volumeAttributesClassName),
      str(status(o).reason), age(o, now), unset(sp.volumeMode),
    ];
  },
};

export const persistentVolumeClaims: TableEntry = {
  columns: [
    NAME,
    text('Status', 'The claim\'s phase.'),
    text('Volume', 'The volume bound to the claim.'),
    text('Capacity', 'The bound volume\'s capacity.'),
    text('Access Modes', 'How the bound volume can be mounted.'),
    text('StorageClass', 'The claim\'s storage class.'),
    text('VolumeAttributesClass', 'The claim\'s attributes class.'),
    AGE,
    wide('VolumeMode', 'Filesystem or Block.'),
  ],
  row(o, now) {
    const sp = spec(o);
    const st = status(o);
    const volume = str(sp.volumeName);
    // capacity and modes are the bound volume's, so empty until bound
    const bound = volume !== '';
    return [
      name(o), deleting(o) ? 'Terminating' : str(st.phase), volume, bound ? formatQuantity(obj(st.capacity).storage) : '',
      bound ? accessModes(st.accessModes) : '', storageClass(o), unset(sp.volumeAttributesClassName), age(o, now),
      unset(sp.volumeMode),
    ];
  },
};

/** storageutil.IsDefaultAnnotation. */
const isDefaultClass = (o: KubeObject) => {
  const a = annotations(o);
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
};

export const storageClasses: TableEntry = {
  columns: [
    NAME,
    text('Provisioner', 'The volume plugin that provisions volumes.'),
    text('ReclaimPolicy', 'Reclaim policy of provisioned volumes.'),
    text('VolumeBindingMode', 'When volumes are bound and provisioned.'),
    text('AllowVolumeExpansion', 'Whether claims may grow.'),
    AGE,
  ],
  row(o, now) {
    return [
      isDefaultClass(o) ? `${name(o)} (default)` : name(o), str(o.provisioner), has(o.reclaimPolicy) ? str(o.reclaimPolicy) : 'Delete',
      has(o.volumeBindingMode) ? str(o.volumeBindingMode) : 'Immediate', o.allowVolumeExpansion === true, age(o, now),
    ];
  },
};

export const volumeAttributesClasses: TableEntry = {
  columns: [NAME, text('DriverName', 'The CSI driver.'), AGE],
  row(o, now) {
    const isDefault = annotations(o)['volumeattributesclass.alpha.kubernetes.io/is-default-class'] === 'true';
    return [isDefault ? `${name(o)} (default)` : name(o), str(o.driverName), age(o, now)];
  },
};

export const volumeAttachments: TableEntry = {
  columns: [
    NAME,
    text('Attacher', 'The attaching CSI driver.', { format: 'name' }),
    text('PV', 'The persistent volume attached.'),
    text('Node', 'The node attached to.'),
    boolean('Attached', 'Whether the attach succeeded.'),
    AGE,
  ],
  row(o, now) {
    const sp = spec(o);
    return [
      name(o), str(sp.attacher), str(obj(sp.source).persistentVolumeName), str(sp.nodeName), status(o).attached === true, age(o, now),
    ];
  },
};

export const csiDrivers: TableEntry = {
  columns: [
    NAME,
    boolean('AttachRequired', 'Whether volumes need an attach step.'),
    boolean('PodInfoOnMount', 'Whether mounts receive pod information.'),
    boolean('StorageCapacity', 'Whether the driver reports capacity.'),
    text('TokenRequests', 'Audiences of service account tokens passed to the driver.'),
    boolean('RequiresRepublish', 'Whether volumes are periodically remounted.'),
    text('Modes', 'Volume lifecycle modes.'),
    AGE,
  ],
  row(o, now) {
    const sp = spec(o);
    const modes = strings(sp.volumeLifecycleModes).join(',');
    return [
      name(o), sp.attachRequired !== false, sp.podInfoOnMount === true, sp.storageCapacity === true,
      has(sp.tokenRequests) ? items(sp.tokenRequests).map((t) => str(t.audience)).join(',') : '<unset>',
      sp.requiresRepublish === true, modes === '' ? '<none>' : modes, age(o, now),
    ];
  },
};

export const csiNodes: TableEntry = {
  columns: [NAME, integer('Drivers', 'CSI drivers registered on the node.'), AGE],
  row: (o, now) => [name(o), length(spec(o).drivers), age(o, now)],
};
