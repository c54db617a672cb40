/**
 * Workspace Trust: what the extension takes from a folder's own settings, depending on whether the
 * user trusts it. Plain Node (no `vscode` import): the extension passes in what
 * `getConfiguration('stowage').inspect(key)` returned and `workspace.isTrusted`.
 *
 * The model (docs/security.md, "The editor"):
 * - Settings that name something to execute or to load (a JDK folder, classpath entries, JVM options)
 *   are listed in package.json `capabilities.untrustedWorkspaces.restrictedConfigurations`: in a
 *   restricted (untrusted) workspace VS Code ignores a folder's values for them, and so does this
 *   module, independently (defence in depth).
 * - `stowage.java.home` is machine-scoped: only the user's own settings can name the JDK the
 *   extension runs (`java -version` during discovery, then the server), trusted folder or not.
 * - The server is told the folder's trust (`initializationOptions.workspaceTrusted`) and decides what
 *   it may run (Maven) from that; the extension restarts it when the user grants trust.
 *
 * @example
 *   const javaHome = userOnlyValue(config.inspect<string | null>('java.home'), 'stowage.java.home');
 *   const classpath = trustedValue(config.inspect<string[]>('classpath'), workspace.isTrusted, 'stowage.classpath');
 *   findJdk({ settingJavaHome: javaHome.value, env: process.env });
 */

/** Settings that name an executable, a folder of executables, classpath entries or JVM options. */
export const RESTRICTED_SETTINGS = ['stowage.java.home', 'stowage.classpath', 'stowage.server.maxHeap', 'stowage.stubs'] as const;

/** The parts of `WorkspaceConfiguration.inspect()` this module reads. */
export interface Inspection<T> {
  readonly defaultValue?: T;
  readonly globalValue?: T;
  readonly workspaceValue?: T;
  readonly workspaceFolderValue?: T;
}

export interface Chosen<T> {
  /** The value to use (undefined: not set where it may be taken from). */
  readonly value: T | undefined;
  /** Where it came from: 'user', 'workspace', 'workspace folder' or 'default'. */
  readonly origin: 'user' | 'workspace' | 'workspace folder' | 'default' | 'none';
  /** A sentence per value that was set but not used, for the output channel. */
  readonly ignored: string[];
}

function isSet<T>(value: T | undefined): value is T {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/**
 * A machine-scoped setting: only the user's settings (or the default) count; a value in the
 * workspace's or folder's `.vscode/settings.json` is ignored, trusted or not.
 */
export function userOnlyValue<T>(inspection: Inspection<T> | undefined, name: string): Chosen<T> {
  const ignored: string[] = [];
  if (isSet(inspection?.workspaceFolderValue) || isSet(inspection?.workspaceValue)) {
    ignored.push(`${name} is set in the workspace's settings (${JSON.stringify(inspection?.workspaceFolderValue ?? inspection?.workspaceValue)}); `
      + 'ignored: only your user settings may name the JDK that Stowage runs.');
  }
  if (isSet(inspection?.globalValue)) return { value: inspection!.globalValue, origin: 'user', ignored };
  if (isSet(inspection?.defaultValue)) return { value: inspection!.defaultValue, origin: 'default', ignored };
  return { value: undefined, origin: 'none', ignored };
}

/**
 * A restricted setting: the folder's and workspace's values count only in a trusted workspace
 * (folder over workspace over user, as VS Code resolves them); in a restricted one only the user's.
 */
export function trustedValue<T>(inspection: Inspection<T> | undefined, trusted: boolean, name: string): Chosen<T> {
  const ignored: string[] = [];
  if (trusted) {
    if (isSet(inspection?.workspaceFolderValue)) return { value: inspection!.workspaceFolderValue, origin: 'workspace folder', ignored };
    if (isSet(inspection?.workspaceValue)) return { value: inspection!.workspaceValue, origin: 'workspace', ignored };
  } else if (isSet(inspection?.workspaceFolderValue) || isSet(inspection?.workspaceValue)) {
    ignored.push(`${name} is set in the workspace's settings; ignored while the workspace is not trusted (restricted mode).`);
  }
  if (isSet(inspection?.globalValue)) return { value: inspection!.globalValue, origin: 'user', ignored };
  if (isSet(inspection?.defaultValue)) return { value: inspection!.defaultValue, origin: 'default', ignored };
  return { value: undefined, origin: 'none', ignored };
}

/** What the server gets on top of its settings: the folder's trust (the server reads exactly this key). */
export interface TrustOptions {
  readonly workspaceTrusted: boolean;
}

export function initializationOptions<S extends object>(serverSettings: S, trusted: boolean): S & TrustOptions & { pushDiagnostics: true } {
  return { ...serverSettings, pushDiagnostics: true, workspaceTrusted: trusted === true };
}

/** The line the status bar tooltip and the output show in restricted mode. */
export const RESTRICTED_MODE_NOTE = 'Restricted mode: this workspace is not trusted, so Stowage runs nothing from it (no Maven, '
  + 'no JDK or classpath from its settings) and analyzes open files against the bundled runtime and qualifiers only; '
  + 'findings that need the project\'s dependencies may be missing. Trust the workspace to analyze it fully.';
