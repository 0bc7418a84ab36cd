// Volume sources, as pods list their volumes and persistent volumes their source. Fields upstream
// prints with %v keep Go's rendering: `<nil>` for unset pointers, the generated String() of
// references, "[a b]" for lists, "map[k:v]" for maps.
import { formatQuantity, quantityOf, cmpQuantity, ZERO } from '../api/quantity.ts';
import { printLabelsMultiline, printAnnotationsMultiline } from './format.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, nestedWriter, type PrefixWriter } from './writer.ts';
import { bool, goStrings, goValue, has, int, isObj, obj, objs, sortedKeys, str, strMap, strs, type Obj } from './values.ts';

/** %v of a reference pointer: its generated String(), "nil" when unset. */
function refValue(v: unknown, type: string, fields: [string, string][]): string {
  if (!isObj(v)) return 'nil';
  return `&${type}{${fields.map(([go, json]) => `${go}:${str(v[json])},`).join('')}}`;
}
const localRef = (v: unknown) => refValue(v, 'LocalObjectReference', [['Name', 'name']]);
const secretRef = (v: unknown) => refValue(v, 'SecretReference', [['Name', 'name'], ['Namespace', 'namespace']]);
/** %v of a *bool: upstream prints the pointer itself when set; the value is the useful part. */
const boolPtr = (v: unknown) => (typeof v === 'boolean' ? String(v) : '<nil>');
const goBool = (v: unknown) => String(bool(v));
const goMap = (v: unknown) => goValue(strMap(v));

/** Lines under a "Type:" line, indented as upstream's literal format strings. */
function typed(w: PrefixWriter, type: string, rows: [string, string][]): void {
  // a label ending in a space or "!" is printed without the colon, as two of upstream's formats are
  const label = (k: string) => (k.endsWith('!') ? k.slice(0, -1) : k.endsWith(' ') ? k : `${k}:`);
  w.write(LEVEL_2, `Type:\t${type}\n${rows.map(([k, v]) => `    ${label(k)}\t${v}\n`).join('')}`);
}

/** describeVolumes: a pod's (or pod template's, with space "  ") volumes. */
export function describeVolumes(volumes: Obj[], w: PrefixWriter, space: string): void {
  if (volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${str(v.name)}:\n`);
    if (!describeVolumeSource(v, w, false)) w.write(LEVEL_1, '<unknown>\n');
  }
}

/** The source of a pod volume or a PV spec; false when none is recognised. */
export function describeVolumeSource(s: Obj, w: PrefixWriter, persistent: boolean): boolean {
  const source = VOLUME_SOURCES.find(([field, , pv]) => has(s[field]) && (persistent ? pv !== 'pod' : pv !== 'pv'));
  if (!source) return false;
  source[1](obj(s[source[0]]), w, persistent);
  return true;
}

type Printer = (v: Obj, w: PrefixWriter, persistent: boolean) => void;

/** In upstream's order of precedence; the third element limits a source to pods or PVs. */
const VOLUME_SOURCES: [string, Printer, ('pod' | 'pv' | 'both')?][] = [
  ['hostPath', (v, w) => typed(w, 'HostPath (bare host directory volume)', [['Path', str(v.path)], ['HostPathType', has(v.type) ? str(v.type) : '<none>']])],
  ['emptyDir', printEmptyDir, 'pod'],
  ['gcePersistentDisk', (v, w) => typed(w, 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', [['PDName', str(v.pdName)], ['FSType', str(v.fsType)], ['Partition', String(int(v.partition))], ['ReadOnly', goBool(v.readOnly)]])],
  ['awsElasticBlockStore', (v, w) => typed(w, 'AWSElasticBlockStore (a Persistent Disk resource in AWS)', [['VolumeID', str(v.volumeID)], ['FSType', str(v.fsType)], ['Partition', String(int(v.partition))], ['ReadOnly', goBool(v.readOnly)]])],
  ['gitRepo', (v, w) => typed(w, 'GitRepo (a volume that is pulled from git when the pod is created)', [['Repository', str(v.repository)], ['Revision', str(v.revision)]]), 'pod'],
  ['secret', (v, w) => typed(w, 'Secret (a volume populated by a Secret)', [['SecretName', str(v.secretName)], ['Optional', goBool(v.optional)]]), 'pod'],
  ['configMap', (v, w) => typed(w, 'ConfigMap (a volume populated by a ConfigMap)', [['Name', str(v.name)], ['Optional', goBool(v.optional)]]), 'pod'],
  ['nfs', (v, w) => typed(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [['Server', str(v.server)], ['Path', str(v.path)], ['ReadOnly', goBool(v.readOnly)]])],
  ['iscsi', printIscsi],
  ['glusterfs', printGlusterfs],
  ['persistentVolumeClaim', (v, w) => typed(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [['ClaimName', str(v.claimName)], ['ReadOnly', goBool(v.readOnly)]]), 'pod'],
  ['ephemeral', printEphemeral, 'pod'],
  ['rbd', (v, w, pv) => typed(w, 'RBD (a Rados Block Device mount on the host that shares a pod\'s lifetime)', [['CephMonitors', goStrings(v.monitors)], ['RBDImage', str(v.image)], ['FSType', str(v.fsType)], ['RBDPool', str(v.pool)], ['RadosUser', str(v.user)], ['Keyring', str(v.keyring)], ['SecretRef', pv ? secretRef(v.secretRef) : localRef(v.secretRef)], ['ReadOnly', goBool(v.readOnly)]])],
  ['quobyte', (v, w) => typed(w, 'Quobyte (a Quobyte mount on the host that shares a pod\'s lifetime)', [['Registry', str(v.registry)], ['Volume', str(v.volume)], ['ReadOnly', goBool(v.readOnly)]])],
  ['downwardAPI', printDownwardApi, 'pod'],
  ['azureDisk', (v, w) => typed(w, 'AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)', [['DiskName', str(v.diskName)], ['DiskURI', str(v.diskURI)], ['Kind: ', str(v.kind)], ['FSType', str(v.fsType)], ['CachingMode', str(v.cachingMode)], ['ReadOnly', goBool(v.readOnly)]])],
  ['vsphereVolume', (v, w) => typed(w, 'vSphereVolume (a Persistent Disk resource in vSphere)', [['VolumePath', str(v.volumePath)], ['FSType', str(v.fsType)], ['StoragePolicyName', str(v.storagePolicyName)]])],
  ['cinder', (v, w, pv) => typed(w, 'Cinder (a Persistent Disk resource in OpenStack)', [['VolumeID', str(v.volumeID)], ['FSType', str(v.fsType)], ['ReadOnly', goBool(v.readOnly)], ['SecretRef', pv ? secretRef(v.secretRef) : localRef(v.secretRef)]])],
  ['photonPersistentDisk', (v, w) => typed(w, 'PhotonPersistentDisk (a Persistent Disk resource in photon platform)', [['PdID', str(v.pdID)], ['FSType', str(v.fsType)]])],
  ['portworxVolume', (v, w) => typed(w, 'PortworxVolume (a Portworx Volume resource)', [['VolumeID', str(v.volumeID)]])],
  ['scaleIO', printScaleIo],
  ['local', (v, w) => typed(w, 'LocalVolume (a persistent volume backed by local storage on a node)', [['Path', str(v.path)]]), 'pv'],
  ['cephfs', (v, w, pv) => typed(w, 'CephFS (a CephFS mount on the host that shares a pod\'s lifetime)', [['Monitors', goStrings(v.monitors)], ['Path', str(v.path)], ['User', str(v.user)], ['SecretFile', str(v.secretFile)], ['SecretRef', pv ? secretRef(v.secretRef) : localRef(v.secretRef)], ['ReadOnly', goBool(v.readOnly)]])],
  ['storageos', (v, w) => typed(w, 'StorageOS (a StorageOS Persistent Disk resource)', [['VolumeName', str(v.volumeName)], ['VolumeNamespace', str(v.volumeNamespace)], ['FSType', str(v.fsType)], ['ReadOnly', goBool(v.readOnly)]])],
  ['fc', (v, w) => typed(w, 'FC (a Fibre Channel disk)', [['TargetWWNs', strs(v.targetWWNs).join(', ')], ['LUN', has(v.lun) ? String(int(v.lun)) : '<none>'], ['FSType', str(v.fsType)], ['ReadOnly', goBool(v.readOnly)]])],
  ['azureFile', printAzureFile],
  ['flexVolume', (v, w, pv) => typed(w, 'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)', [['Driver', str(v.driver)], ['FSType', str(v.fsType)], ['SecretRef', pv ? secretRef(v.secretRef) : localRef(v.secretRef)], ['ReadOnly', goBool(v.readOnly)], ['Options', goMap(v.options)]])],
  ['flocker', (v, w) => typed(w, 'Flocker (a Flocker volume mounted by the Flocker agent)', [['DatasetName', str(v.datasetName)], ['DatasetUUID', str(v.datasetUUID)]])],
  ['projected', printProjected, 'pod'],
  ['csi', printCsi],
  ['image', (v, w) => typed(w, 'Image (a container image or OCI artifact)', [['Reference', str(v.reference)], ['PullPolicy', str(v.pullPolicy)]]), 'pod'],
];

function printEmptyDir(v: Obj, w: PrefixWriter): void {
  const size = has(v.sizeLimit) && cmpQuantity(quantityOf(v.sizeLimit), ZERO) > 0 ? formatQuantity(v.sizeLimit) : '<unset>';
  typed(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [['Medium', str(v.medium)], ['SizeLimit', size]]);
}

function printIscsi(v: Obj, w: PrefixWriter, pv: boolean): void {
  const initiator = has(v.initiatorName) ? str(v.initiatorName) : '<none>';
  // upstream's format has no colon after ISCSIInterface
  typed(w, "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", [
    ['TargetPortal', str(v.targetPortal)],
    ['IQN', str(v.iqn)],
    ['Lun', String(int(v.lun))],
    ['ISCSIInterface!', str(v.iscsiInterface)],
    ['FSType', str(v.fsType)],
    ['ReadOnly', goBool(v.readOnly)],
    ['Portals', goStrings(v.portals)],
    ['DiscoveryCHAPAuth', goBool(v.chapAuthDiscovery)],
    ['SessionCHAPAuth', goBool(v.chapAuthSession)],
    ['SecretRef', pv ? secretRef(v.secretRef) : localRef(v.secretRef)],
    ['InitiatorName', initiator],
  ]);
}

function printGlusterfs(v: Obj, w: PrefixWriter, pv: boolean): void {
  const rows: [string, string][] = [['EndpointsName', str(v.endpoints)]];
  if (pv) rows.push(['EndpointsNamespace', has(v.endpointsNamespace) ? str(v.endpointsNamespace) : '<unset>']);
  rows.push(['Path', str(v.path)], ['ReadOnly', goBool(v.readOnly)]);
  typed(w, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", rows);
}

function printScaleIo(v: Obj, w: PrefixWriter, pv: boolean): void {
  const rows: [string, string][] = [
    ['Gateway', str(v.gateway)],
    ['System', str(v.system)],
    ['Protection Domain', str(v.protectionDomain)],
    ['Storage Pool', str(v.storagePool)],
    ['Storage Mode', str(v.storageMode)],
    ['VolumeName', str(v.volumeName)],
  ];
  if (pv) rows.push(['SecretName', str(obj(v.secretRef).name)], ['SecretNamespace', str(obj(v.secretRef).namespace)]);
  rows.push(['FSType', str(v.fsType)], ['ReadOnly', goBool(v.readOnly)]);
  typed(w, 'ScaleIO (a persistent volume backed by a block device in ScaleIO)', rows);
}

function printAzureFile(v: Obj, w: PrefixWriter, pv: boolean): void {
  const rows: [string, string][] = [['SecretName', str(v.secretName)]];
  if (pv) rows.push(['SecretNamespace', str(v.secretNamespace)]);
  rows.push(['ShareName', str(v.shareName)], ['ReadOnly', goBool(v.readOnly)]);
  typed(w, 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', rows);
}

function printDownwardApi(v: Obj, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of objs(v.items)) {
    if (has(item.fieldRef)) w.write(LEVEL_3, `${str(obj(item.fieldRef).fieldPath)} -> ${str(item.path)}\n`);
    if (has(item.resourceFieldRef)) w.write(LEVEL_3, `${str(obj(item.resourceFieldRef).resource)} -> ${str(item.path)}\n`);
  }
}

function printProjected(v: Obj, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of objs(v.sources)) {
    if (has(s.secret)) w.write(LEVEL_2, `SecretName:\t${str(obj(s.secret).name)}\n    SecretOptionalName:\t${boolPtr(obj(s.secret).optional)}\n`);
    else if (has(s.downwardAPI)) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    else if (has(s.configMap)) w.write(LEVEL_2, `ConfigMapName:\t${str(obj(s.configMap).name)}\n    ConfigMapOptional:\t${boolPtr(obj(s.configMap).optional)}\n`);
    else if (has(s.serviceAccountToken)) w.write(LEVEL_2, `TokenExpirationSeconds:\t${int(obj(s.serviceAccountToken).expirationSeconds)}\n`);
  }
}

function printCsi(v: Obj, w: PrefixWriter, pv: boolean): void {
  if (pv) typed(w, 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver', str(v.driver)], ['FSType', str(v.fsType)], ['VolumeHandle', str(v.volumeHandle)], ['ReadOnly', goBool(v.readOnly)]]);
  else typed(w, 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver', str(v.driver)], ['FSType', str(v.fsType)], ['ReadOnly', goBool(v.readOnly)]]);
  printCsiAttributes(w, 'VolumeAttributes', strMap(v.volumeAttributes));
}

/** printCSIPersistentVolumeAttributesMultilineIndent: like labels, at level 2, cut at 140 bytes. */
function printCsiAttributes(w: PrefixWriter, title: string, attributes: Record<string, string>): void {
  w.write(LEVEL_2, `${title}:\t`);
  const keys = sortedKeys(attributes);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${attributes[key]}`;
    const bytes = Buffer.from(line);
    w.write(LEVEL_2, bytes.length > 140 ? `${bytes.subarray(0, 140).toString()}...\n` : `${line}\n`);
  });
}

function printEphemeral(v: Obj, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  if (has(v.volumeClaimTemplate)) {
    const t = obj(v.volumeClaimTemplate);
    printPersistentVolumeClaim(nestedWriter(w, LEVEL_2), { metadata: obj(t.metadata), spec: obj(t.spec) }, false, undefined);
  }
}

/** The access modes as RWO,ROX,RWX,RWOP, in that order (GetAccessModesAsString). */
export function accessModesString(modes: unknown): string {
  const set = new Set(strs(modes));
  return (
    [
      ['ReadWriteOnce', 'RWO'],
      ['ReadOnlyMany', 'ROX'],
      ['ReadWriteMany', 'RWX'],
      ['ReadWriteOncePod', 'RWOP'],
    ] as const
  )
    .filter(([m]) => set.has(m))
    .map(([, s]) => s)
    .join(',');
}

/** GetPersistentVolumeClaimClass: the beta annotation first. */
export function claimClass(pvc: Obj): string {
  const annotations = strMap(obj(pvc.metadata).annotations);
  if ('volume.beta.kubernetes.io/storage-class' in annotations) return annotations['volume.beta.kubernetes.io/storage-class']!;
  const sc = obj(pvc.spec).storageClassName;
  return typeof sc === 'string' ? sc : '';
}

/**
 * printPersistentVolumeClaim, for claims and claim templates (isFull false skips name, namespace,
 * status and finalizers). `now` is for a terminating claim's age.
 */
export function printPersistentVolumeClaim(w: PrefixWriter, pvc: Obj, isFull: boolean, terminating: string | undefined): void {
  const m = obj(pvc.metadata);
  const s = obj(pvc.spec);
  const st = obj(pvc.status);
  if (isFull) {
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
  if (isFull) {
    if (terminating !== undefined) w.write(LEVEL_0, `Status:\tTerminating (lasts ${terminating})\n`);
    else w.write(LEVEL_0, `Status:\t${str(st.phase)}\n`);
  }
  w.write(LEVEL_0, `Volume:\t${str(s.volumeName)}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  if (isFull) w.write(LEVEL_0, `Finalizers:\t${goStrings(m.finalizers)}\n`);
  let capacity = '';
  let modes = '';
  if (str(s.volumeName) !== '') {
    modes = accessModesString(st.accessModes);
    capacity = formatQuantity(obj(st.capacity).storage);
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${modes}\n`);
  if (has(s.volumeMode)) w.write(LEVEL_0, `VolumeMode:\t${str(s.volumeMode)}\n`);
  if (has(s.dataSource)) {
    const ds = obj(s.dataSource);
    w.write(LEVEL_0, 'DataSource:\n');
    if (has(ds.apiGroup)) w.write(LEVEL_1, `APIGroup:\t${str(ds.apiGroup)}\n`);
    w.write(LEVEL_1, `Kind:\t${str(ds.kind)}\n`);
    w.write(LEVEL_1, `Name:\t${str(ds.name)}\n`);
  }
}

