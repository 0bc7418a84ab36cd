// `config`: reading and editing kubeconfig files, one module per subcommand. Nothing here loads
// the API client.
import type { CommandDef } from '../command.ts';
import { command as currentContext } from './current-context.ts';
import { command as deleteCluster } from './delete-cluster.ts';
import { command as deleteContext } from './delete-context.ts';
import { command as deleteUser } from './delete-user.ts';
import { command as getClusters } from './get-clusters.ts';
import { command as getContexts } from './get-contexts.ts';
import { command as getUsers } from './get-users.ts';
import { command as renameContext } from './rename-context.ts';
import { command as set } from './set.ts';
import { command as setCluster } from './set-cluster.ts';
import { command as setContext } from './set-context.ts';
import { command as setCredentials } from './set-credentials.ts';
import { command as unset } from './unset.ts';
import { command as useContext } from './use-context.ts';
import { command as view } from './view.ts';

export const command: CommandDef = {
  name: 'config',
  short: 'Modify kubeconfig files',
  long: `Read and change kubeconfig files with subcommands, e.g. "kubectl config set current-context my-context".

 Which files are used:

  1.  With --kubeconfig, that file alone: nothing is merged, and every change goes to it.
  2.  Else, when $KUBECONFIG is set, the files it lists (separated as paths are on this system), merged: the first file to define an entry wins. A changed entry is written back to the file that defines it; a new entry goes to the first listed file that exists, or to the last one (created) when none does.
  3.  Else ~/.kube/config alone.`,
  use: 'SUBCOMMAND',
  subcommands: [
    currentContext, deleteCluster, deleteContext, deleteUser, getClusters, getContexts, getUsers, renameContext,
    set, setCluster, setContext, setCredentials, unset, useContext, view,
  ],
};
