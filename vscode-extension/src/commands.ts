/**
 * The ids of the commands this extension contributes (package.json `contributes.commands`) and
 * registers itself. Plain module, so a unit test can hold package.json to the same list.
 */
export const COMMANDS = {
  analyzeWorkspace: 'stowage.analyzeWorkspace',
  restartServer: 'stowage.restartServer',
  showOutput: 'stowage.showOutput',
} as const;

export const OWN_COMMAND_IDS: ReadonlySet<string> = new Set(Object.values(COMMANDS));
