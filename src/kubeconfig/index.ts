// The kubeconfig API: load and merge like kubectl, write back like kubectl.
export { adminEntries, configFromEntries } from './admin.ts';
export type { AdminAccess } from './admin.ts';
export {
  configFromFile, defaultFilename, envVarFiles, globalFile, loadFromFile, loadingPrecedence, loadKubeconfig, mergeConfigs,
  resolveLocalPaths,
} from './load.ts';
export type { KubeconfigSource, LoadedKubeconfig } from './load.ts';
export { mergeEntries, modifyConfig, writeKubeconfigFile } from './modify.ts';
export type { KubeconfigEntries } from './modify.ts';
export { KubeconfigError, newConfig } from './types.ts';
export type { AuthInfo, AuthProviderConfig, Cluster, Config, Context, ExecConfig, ExecEnvVar, Extensions, Preferences } from './types.ts';
export { parseKubeconfig, serializeKubeconfig, toV1 } from './v1.ts';
