// `get`'s flags and help texts (ktl's own words, kubectl's layout), and the options they make:
// kubectl's GetOptions Complete and Validate, in the same order, with the same error texts.
import type { Invocation } from '../command.ts';
import { allNamespacesFlag, fieldSelectorFlag, filenameFlags, filenameOptions, printFlags, selectorFlag } from '../common-flags.ts';
import { CliError } from '../errors.ts';
import { flag, type FlagSpec } from '../flags.ts';

/** get's -o values, in the order its help and completion list them. */
export const GET_OUTPUT_FORMATS = [
  'json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile',
  'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'wide',
];

export const USE = `[(-o|--output=)${GET_OUTPUT_FORMATS.join('|')}] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]`;

export const LONG = `Show objects of the cluster: by default a table with the columns the server chooses for each type, or any of the formats of --output.

 Name a type to list its objects, or a type and names (or TYPE/NAME words) to show particular ones; narrow a list with --selector and --field-selector. Namespaced types are read from the current namespace unless --namespace or --all-namespaces says otherwise.

 With -o template (or go-template) and a Go template in --template, only the parts of each object the template picks are printed.

Use "kubectl api-resources" for a complete list of supported resources.`;

export const EXAMPLE = `  # Every pod of the current namespace, as a table
  kubectl get pods
  
  # The same with the extra columns (node, IP...)
  kubectl get pods -o wide
  
  # One ReplicationController by name
  kubectl get replicationcontroller web
  
  # Deployments of version v1 of the apps group, as JSON
  kubectl get deployments.v1.apps -o json
  
  # One pod as JSON
  kubectl get -o json pod web-pod-13je7
  
  # The objects a manifest describes, read back from the server
  kubectl get -f pod.yaml -o json
  
  # Only the phase of one pod
  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}
  
  # Columns of your own choosing
  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image
  
  # Two types in one call
  kubectl get rc,services
  
  # Several objects named TYPE/NAME
  kubectl get rc/web service/frontend pods/web-pod-13je7
  
  # The status subresource of one pod
  kubectl get pod web-pod-13je7 --subresource status
  
  # Deployments of another namespace
  kubectl get deployments.apps --namespace backend
  
  # Pods of every namespace
  kubectl get pods --all-namespaces`;

export const FLAGS: FlagSpec[] = [
  allNamespacesFlag(),
  flag.int('chunk-size', 'Read long lists in pages of this many objects; 0 reads them in one request.', { default: 500 }),
  fieldSelectorFlag(),
  ...filenameFlags('naming the objects to read back from the server'),
  flag.bool('ignore-not-found', 'Say nothing, and succeed, when a named object does not exist (no effect on lists that come back empty).'),
  flag.stringSlice('label-columns', 'Label keys to show as extra columns (comma-separated or repeated: -L app -L tier); keys are case-sensitive.', { shorthand: 'L' }),
  flag.bool('no-headers', 'Leave out the header line of tables and custom columns.'),
  ...printFlags(`Output format: ${GET_OUTPUT_FORMATS.join(', ')}. Custom columns, Go templates and JSONPath are described at https://kubernetes.io/docs/reference/kubectl/.`),
  flag.bool('output-watch-events', 'With --watch or --watch-only, print each change as an event (ADDED, MODIFIED, DELETED); objects that already exist come first as ADDED.'),
  flag.string('raw', 'Send a GET for this path (and query) with the kubeconfig\'s credentials and print the answer as it comes.'),
  selectorFlag(),
  flag.bool('server-print', 'Ask the server for the table columns of each type (works for extension APIs and custom resources too).', { default: true }),
  flag.bool('show-kind', 'Prefix names with their type, as TYPE/NAME.'),
  flag.bool('show-labels', 'Add a last column with all the labels of each object.'),
  flag.string('sort-by', "Order the objects by this field, a JSONPath expression such as '{.metadata.name}' naming a number or a string."),
  flag.string('subresource', 'Read this subresource of the named objects (status or scale) instead of the objects.'),
  flag.bool('watch', 'Once the objects are printed, keep printing them as they change.', { shorthand: 'w' }),
  flag.bool('watch-only', 'Print the objects as they change, without printing them as they are first.'),
];

export interface GetOptions {
  args: string[];
  filenames: string[];
  recursive: boolean;
  raw: string;
  output: string;
  template: string;
  allowMissingTemplateKeys: boolean;
  showManagedFields: boolean;
  watch: boolean;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  chunkSize: number;
  labelSelector: string;
  fieldSelector: string;
  allNamespaces: boolean;
  subresource: string;
  sortBy: string;
  serverPrint: boolean;
  noHeaders: boolean;
  ignoreNotFound: boolean;
  showKind: boolean;
  showLabels: boolean;
  labelColumns: string[];
  /** A table (or -o wide): server-side tables apply. */
  humanReadable: boolean;
}

export function readOptions(inv: Invocation): GetOptions {
  const f = inv.flags;
  const output = f.string('output');
  const template = f.string('template');
  // kubectl asks for plain objects for these formats even when --server-print is set
  const plainFormat = output.includes('custom-columns') || output === 'yaml' || output.includes('json');
  const { filenames, recursive } = filenameOptions(f);
  return {
    args: inv.args,
    filenames,
    recursive,
    raw: f.string('raw'),
    output,
    template,
    allowMissingTemplateKeys: f.bool('allow-missing-template-keys'),
    showManagedFields: f.bool('show-managed-fields'),
    watch: f.bool('watch'),
    watchOnly: f.bool('watch-only'),
    outputWatchEvents: f.bool('output-watch-events'),
    chunkSize: f.int('chunk-size'),
    labelSelector: f.string('selector'),
    fieldSelector: f.string('field-selector'),
    allNamespaces: f.bool('all-namespaces'),
    subresource: f.string('subresource'),
    sortBy: f.string('sort-by'),
    serverPrint: f.bool('server-print') && !plainFormat,
    noHeaders: f.bool('no-headers'),
    ignoreNotFound: f.bool('ignore-not-found'),
    showKind: f.bool('show-kind'),
    showLabels: f.bool('show-labels'),
    labelColumns: f.strings('label-columns'),
    humanReadable: (output === '' && template === '') || output === 'wide',
  };
}

/** The usage error of a bare `get` (after its hint line on stderr). */
export function missingResourceError(program: string): CliError {
  return new CliError(
    `Required resource not specified.\nUse "${program} explain <resource>" for a detailed description of that resource (e.g. ${program} explain pods).\nSee '${program} get -h' for help and examples`,
  );
}

/** Go's url.ParseRequestURI, as far as --raw needs it: an absolute URL or an absolute path. */
export function checkRawPath(raw: string): void {
  if (raw.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw)) return;
  throw new CliError(`--raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`);
}

/** GetOptions.Validate. */
export function validate(o: GetOptions): void {
  if (o.raw) {
    if (o.watch || o.watchOnly || o.labelSelector) throw new CliError('--raw may not be specified with other flags that filter the server request or alter the output');
    if (o.output) throw new CliError('--raw and --output are mutually exclusive');
    checkRawPath(o.raw);
  }
  if (o.showLabels && o.output !== '' && o.output !== 'wide') throw new CliError(`--show-labels option cannot be used with ${o.output} printer`);
  if (o.outputWatchEvents && !(o.watch || o.watchOnly)) throw new CliError('--output-watch-events option can only be used with --watch or --watch-only');
}
