// `create configmap NAME`: data from literals, files, directories or env files.
import type { KubeObject } from '../../printers/objects.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { generator } from './generator.ts';
import { configMapHash } from './hash.ts';
import { objectMeta, typed } from './objects.ts';
import { isUtf8, parseLiteralSource, visitEnvFiles, visitFileSources } from './sources.ts';
import { isConfigMapKey } from '../../api/validation/names.ts';

export interface ConfigMapInput {
  name: string;
  namespace: string;
  fileSources: string[];
  literalSources: string[];
  envFileSources: string[];
  appendHash: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The ConfigMap kubectl builds: files first, then literals, then env files; text in data, other bytes in binaryData. */
export function buildConfigMap(o: ConfigMapInput): KubeObject {
  if (o.envFileSources.length && (o.fileSources.length || o.literalSources.length))
    throw new CliError('from-env-file cannot be combined with from-file or from-literal');
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  const check = (key: string) => {
    const errs = isConfigMapKey(key);
    if (errs.length) throw new CliError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (key in data) throw new CliError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(o.name)}`);
    if (key in binaryData) throw new CliError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in BinaryData for ConfigMap ${JSON.stringify(o.name)}`);
  };
  const addText = (key: string, value: string) => {
    check(key);
    data[key] = value;
  };
  visitFileSources(o.fileSources, o.cwd, (key, bytes) => {
    if (isUtf8(bytes)) return addText(key, bytes.toString('utf8'));
    check(key);
    binaryData[key] = bytes.toString('base64');
  });
  for (const source of o.literalSources) addText(...parseLiteralSource(source));
  visitEnvFiles(o.envFileSources, o.cwd, o.env, 'env config file cannot be a directory', addText);
  const name = o.appendHash ? `${o.name}-${configMapHash({ name: o.name, data, binaryData })}` : o.name;
  return typed('v1', 'ConfigMap', objectMeta({ name, namespace: o.namespace }), {
    data: Object.keys(data).length ? data : undefined,
    binaryData: Object.keys(binaryData).length ? binaryData : undefined,
  });
}

export const configmap = generator({
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from files, directories or literal values',
  long: `Create a ConfigMap holding configuration data.

 Each --from-file adds one key: by default the file's base name, or the key written before "=". A directory adds one key per regular file it directly contains (subdirectories, links and special files are skipped). --from-literal adds a key and its value given inline; --from-env-file reads KEY=value lines.

 Text content goes into data, content that is not valid UTF-8 into binaryData.`,
  example: `  # A config map with one key per file in the directory conf/
  kubectl create configmap app-config --from-file=conf/
  
  # Keys named explicitly rather than after the files
  kubectl create configmap app-config --from-file=main=conf/main.ini --from-file=extra=conf/extra.ini
  
  # Keys and values given on the command line
  kubectl create configmap app-config --from-literal=mode=fast --from-literal=level=3
  
  # Files and literals together
  kubectl create configmap app-config --from-file=conf/main.ini --from-literal=level=3
  
  # Lines of KEY=value from env files
  kubectl create configmap app-config --from-env-file=base.env --from-env-file=local.env`,
  use: 'NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  flags: [
    flag.stringSlice('from-file', 'A file whose content becomes a value, keyed by its base name or by "key=" written before the path; a directory adds each regular file it contains whose name is a valid key.'),
    flag.stringArray('from-literal', 'A key and its value, as key=value; repeat for more keys.'),
    flag.stringSlice('from-env-file', 'A file of key=value lines, each adding one key.'),
    flag.bool('append-hash', "Add a hash of the content to the name, so that changed content gets a new name."),
  ],
  resource: { group: '', version: 'v1', resource: 'configmaps', namespaced: true },
  failure: (m) => `failed to create configmap: ${m}`,
  build: (g) =>
    buildConfigMap({
      name: g.name,
      namespace: g.enforcedNamespace,
      fileSources: g.flags.strings('from-file'),
      literalSources: g.flags.strings('from-literal'),
      envFileSources: g.flags.strings('from-env-file'),
      appendHash: g.flags.bool('append-hash'),
      cwd: g.ctx.cwd,
      env: g.ctx.env,
    }),
});
