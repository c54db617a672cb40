/**
 * Reads and validates the extension's settings. Plain Node (no `vscode` import): the extension
 * passes in the raw values it got from `workspace.getConfiguration('stowage')`, and gets back the
 * cleaned values plus one warning per entry it ignored.
 *
 * @example
 *   const { severities, problems } = parseSeverities({ 'pointer.stale': 'warning', 'nope': 'error' });
 *   // severities: Map { 'pointer.stale' => 'warning' }
 *   // problems:   ['stowage.severity: unknown key "nope" ignored; the keys are handle.stale, …']
 */
import * as path from 'path';

/**
 * The checker's diagnostic keys (fixed names, docs/rules/README.md): LSP codes, SARIF rule ids, suppression keys.
 * The engine's `Rule` enum is the source; the server's RuleConsistencyTest fails when this list differs from it.
 */
export const DIAGNOSTIC_KEYS = [
  'handle.stale',
  'pointer.stale',
  'store.closed',
  'use.after.move',
  'box.leak.unpinned',
  'handle.foreign',
  'pointer.escape',
  'invalidates.undeclared',
  'pointer.thread',
  'ownership.borrowed',
  'argument',
  'assignment',
  'return',
] as const;
export type DiagnosticKey = (typeof DIAGNOSTIC_KEYS)[number];

/** What a user may set a key to; `off` hides the key's diagnostics. */
export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

export interface Parsed<T> {
  readonly value: T;
  /** One sentence per ignored entry, naming the setting, the entry and what is allowed. */
  readonly problems: string[];
}

/**
 * The key a diagnostic code names, or undefined when it is not one of the checker's keys. Accepts
 * the bare key and the checker-prefixed spellings ("stowage:pointer.stale", "stowage.pointer.stale").
 */
export function diagnosticKeyOf(code: unknown): DiagnosticKey | undefined {
  let text: unknown = code;
  // vscode.Diagnostic.code may be { value, target } when the server sends a codeDescription.
  if (text !== null && typeof text === 'object' && 'value' in text) text = (text as { value: unknown }).value;
  if (typeof text !== 'string') return undefined;
  const bare = text.replace(/^stowage[:.]/, '');
  return (DIAGNOSTIC_KEYS as readonly string[]).includes(bare) ? (bare as DiagnosticKey) : undefined;
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/** Validates `stowage.severity`: unknown keys and levels are reported and skipped, the rest kept. */
export function parseSeverities(raw: unknown): Parsed<ReadonlyMap<DiagnosticKey, SeverityLevel>> {
  const severities = new Map<DiagnosticKey, SeverityLevel>();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { value: severities, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`stowage.severity must be an object mapping keys to levels, e.g. { "pointer.escape": "warning" }; got ${quoted(raw)}, ignored.`);
    return { value: severities, problems };
  }
  for (const [rawKey, rawLevel] of Object.entries(raw as Record<string, unknown>)) {
    const key = diagnosticKeyOf(rawKey);
    if (key === undefined) {
      problems.push(`stowage.severity: unknown key ${quoted(rawKey)} ignored; the keys are ${DIAGNOSTIC_KEYS.join(', ')}.`);
      continue;
    }
    const level = typeof rawLevel === 'string' ? rawLevel.trim().toLowerCase() : rawLevel;
    if (typeof level !== 'string' || !(SEVERITY_LEVELS as readonly string[]).includes(level)) {
      problems.push(`stowage.severity: level ${quoted(rawLevel)} for "${rawKey}" ignored; the levels are ${SEVERITY_LEVELS.join(', ')}.`);
      continue;
    }
    severities.set(key, level as SeverityLevel);
  }
  return { value: severities, problems };
}

/**
 * Validates `stowage.classpath`: keeps string entries, resolves them against the workspace folder
 * (replacing `${workspaceFolder}`), reports the others. Entries that do not exist are kept (they may
 * be built later) and reported only by {@link missingClasspathEntries}.
 */
export function parseClasspath(raw: unknown, workspaceFolder: string | undefined): Parsed<string[]> {
  return parsePathList('stowage.classpath', 'jar or folder paths', raw, workspaceFolder);
}

/**
 * Validates `stowage.stubs`: the user's library models (stub files in the Checker Framework's
 * `.astub` format, or folders of them), resolved like `stowage.classpath`. The server passes them to
 * the checker as `-Astubs=`; the bundled models (the JDK's) need no setting.
 */
export function parseStubs(raw: unknown, workspaceFolder: string | undefined): Parsed<string[]> {
  return parsePathList('stowage.stubs', '.astub files or folders of them', raw, workspaceFolder);
}

function parsePathList(setting: string, what: string, raw: unknown, workspaceFolder: string | undefined): Parsed<string[]> {
  const entries: string[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { value: entries, problems };
  if (!Array.isArray(raw)) {
    problems.push(`${setting} must be a list of ${what}; got ${quoted(raw)}, ignored.`);
    return { value: entries, problems };
  }
  raw.forEach((entry, index) => {
    if (typeof entry !== 'string' || entry.trim() === '') {
      problems.push(`${setting}[${index}]: ${quoted(entry)} is not a path, ignored.`);
      return;
    }
    let resolved = entry.trim();
    if (resolved.includes('${workspaceFolder}')) {
      if (workspaceFolder === undefined) {
        problems.push(`${setting}[${index}]: "${entry}" uses \${workspaceFolder} but no folder is open, ignored.`);
        return;
      }
      resolved = resolved.split('${workspaceFolder}').join(workspaceFolder);
    }
    if (!path.isAbsolute(resolved)) {
      if (workspaceFolder === undefined) {
        problems.push(`${setting}[${index}]: relative path "${entry}" needs an open folder to be resolved against, ignored.`);
        return;
      }
      resolved = path.resolve(workspaceFolder, resolved);
    }
    entries.push(path.normalize(resolved));
  });
  return { value: entries, problems };
}

/** Stub entries that do not exist on disk, as warnings (the checker would stop with an error on them). */
export function missingStubEntries(entries: readonly string[], exists: (file: string) => boolean): string[] {
  return entries.filter((entry) => !exists(entry)).map((entry) => `stowage.stubs: ${entry} does not exist; the checker reports it as an error until it does.`);
}

/** Entries of a parsed classpath that do not exist on disk, as warnings. */
export function missingClasspathEntries(entries: readonly string[], exists: (file: string) => boolean): string[] {
  return entries.filter((entry) => !exists(entry)).map((entry) => `stowage.classpath: ${entry} does not exist (yet); the server will not find classes in it.`);
}

/**
 * Validates `stowage.server.maxHeap` ("1g", "2048m"): anything else (it ends up on the JVM's command
 * line, so nothing but digits and a unit passes) falls back to the default with a warning.
 */
export function parseMaxHeap(raw: unknown, defaultValue: string): Parsed<string> {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: defaultValue, problems: [] };
  if (typeof raw === 'string' && /^[0-9]+[mMgG]$/.test(raw.trim())) {
    const text = raw.trim();
    const megabytes = Number(text.slice(0, -1)) * (/[gG]$/.test(text) ? 1024 : 1);
    if (megabytes >= 256) return { value: text, problems: [] };
    return { value: defaultValue, problems: [`stowage.server.maxHeap: ${quoted(raw)} is below 256m, too little for javac; using ${defaultValue}.`] };
  }
  return { value: defaultValue, problems: [`stowage.server.maxHeap: ${quoted(raw)} ignored; use a size like "1g" or "2048m". Using ${defaultValue}.`] };
}

/** Validates `stowage.trace.server`; anything else falls back to "off" with a warning. */
export function parseTrace(raw: unknown): Parsed<'off' | 'messages' | 'verbose'> {
  if (raw === undefined || raw === null || raw === 'off' || raw === 'messages' || raw === 'verbose') {
    return { value: (raw ?? 'off') as 'off' | 'messages' | 'verbose', problems: [] };
  }
  return { value: 'off', problems: [`stowage.trace.server: ${quoted(raw)} ignored; use off, messages or verbose.`] };
}

/** A diagnostic as far as severity handling cares: its code and its severity (any representation). */
export interface SeverityTarget<S> {
  code?: unknown;
  severity: S;
}

/**
 * Applies the user's severities to diagnostics: keys set to `off` are dropped, others get the level
 * mapped by `toSeverity`; diagnostics of other keys or sources pass unchanged. Returns new objects
 * made by `withSeverity`, leaving the input untouched (so the server's originals can be re-applied
 * when the setting changes).
 */
export function applySeverities<D extends SeverityTarget<S>, S>(
  diagnostics: readonly D[],
  severities: ReadonlyMap<DiagnosticKey, SeverityLevel>,
  toSeverity: (level: Exclude<SeverityLevel, 'off'>) => S,
  withSeverity: (diagnostic: D, severity: S) => D,
): D[] {
  if (severities.size === 0) return [...diagnostics];
  const result: D[] = [];
  for (const diagnostic of diagnostics) {
    const key = diagnosticKeyOf(diagnostic.code);
    const level = key === undefined ? undefined : severities.get(key);
    if (level === undefined) {
      result.push(diagnostic);
    } else if (level !== 'off') {
      result.push(withSeverity(diagnostic, toSeverity(level)));
    }
  }
  return result;
}

/** What the server receives as `initializationOptions` and in `workspace/didChangeConfiguration`. */
export interface ServerSettings {
  classpath: string[];
  /** The user's stub files (`stowage.stubs`); the server (lsp-server SettingsParser) reads `stubs`. */
  stubs: string[];
  /** The server (lsp-server SettingsParser) reads `severities`. */
  severities: Record<string, SeverityLevel>;
}

export function serverSettings(
  classpath: readonly string[],
  severities: ReadonlyMap<DiagnosticKey, SeverityLevel>,
  stubs: readonly string[] = [],
): ServerSettings {
  return { classpath: [...classpath], stubs: [...stubs], severities: Object.fromEntries(severities) };
}

/** Counts the diagnostics that carry one of the checker's keys (what the status bar shows). */
export function countFindings(diagnostics: Iterable<{ code?: unknown; source?: string }>): number {
  let count = 0;
  for (const diagnostic of diagnostics) {
    if (diagnosticKeyOf(diagnostic.code) !== undefined) count++;
  }
  return count;
}
