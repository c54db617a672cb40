/**
 * Finds the JDK that runs the Stowage language server. Plain Node (no `vscode` import), so the
 * unit tests drive it with fake JDK folders.
 *
 * Order (the first JDK that is new enough wins, as in Red Hat's Java extension):
 *   1. the setting `stowage.java.home`,
 *   2. `JDK_HOME`, then `JAVA_HOME`,
 *   3. the `java` on `PATH` (symlinks followed to the JDK folder),
 *   4. the usual install folders (/usr/lib/jvm, /opt, SDKMAN, ~/.jdks, macOS, Windows), newest first.
 *
 * @example
 *   const result = findJdk({ settingJavaHome: undefined, env: process.env, minimumFeature: 25 });
 *   if (result.jdk) spawn(result.jdk.javaExecutable, [...]);
 *   else showError(describeFailure(result, 25));
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';

/** The JDK feature release the server is compiled for (`--release 25`). */
export const MINIMUM_JDK_FEATURE = 25;

/** Where a candidate JDK folder came from; shown to the user when nothing fits. */
export type CandidateSource = 'setting stowage.java.home' | 'JDK_HOME' | 'JAVA_HOME' | 'PATH' | 'install folder';

export interface JdkCandidate {
  readonly source: CandidateSource;
  /** The folder as given (setting, variable) or derived (PATH, install folder). */
  readonly home: string;
}

/** What was found at one candidate: a usable JDK, or why not. */
export interface CandidateVerdict extends JdkCandidate {
  /** Feature version (25 for "25.0.1"), when it could be read. */
  readonly feature?: number;
  /** The full version string, e.g. "25.0.3", when it could be read. */
  readonly version?: string;
  /** Empty when the candidate fits; otherwise why it does not, in words for the user. */
  readonly problem?: string;
  readonly javaExecutable?: string;
}

export interface FoundJdk {
  readonly source: CandidateSource;
  readonly home: string;
  readonly version: string;
  readonly feature: number;
  readonly javaExecutable: string;
}

export interface JdkSearchResult {
  /** The JDK to use, or undefined when no candidate fits. */
  readonly jdk?: FoundJdk;
  /** Every candidate looked at, in order, with its verdict (the chosen one last). */
  readonly examined: readonly CandidateVerdict[];
}

export interface JdkSearchOptions {
  /** Value of `stowage.java.home` (empty or undefined when unset). */
  readonly settingJavaHome?: string | null;
  readonly env: NodeJS.ProcessEnv;
  readonly minimumFeature?: number;
  /** Folders scanned last for JDKs (one JDK per subfolder); defaults to the platform's usual ones. */
  readonly installRoots?: readonly string[];
  /** Reads a version from `java -version` when a JDK has no `release` file; replaceable in tests. */
  readonly runJavaVersion?: (javaExecutable: string) => string | undefined;
  readonly platform?: NodeJS.Platform;
}

/**
 * Parses a Java version string ("25", "25.0.3", "25-ea", "1.8.0_412", "25.0.3+9-LTS") into its
 * feature number; undefined when it is not a version.
 */
export function featureOf(version: string): number | undefined {
  const match = /^(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (!match) return undefined;
  const first = Number(match[1]);
  // Java 8 and older say "1.8.0_…": the feature is the second number.
  if (first === 1 && match[2] !== undefined) return Number(match[2]);
  return first;
}

/** Reads `JAVA_VERSION="…"` from a JDK's `release` file; undefined when absent or unreadable. */
export function readReleaseVersion(home: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(home, 'release'), 'utf8');
  } catch {
    return undefined;
  }
  const match = /^JAVA_VERSION\s*=\s*"?([^"\r\n]*)"?\s*$/m.exec(text);
  return match ? match[1].trim() : undefined;
}

/** Runs `java -version` (bounded to 10 s) and returns its version string (java prints it on stderr). */
export function javaVersionFromExecutable(javaExecutable: string): string | undefined {
  const run = spawnSync(javaExecutable, ['-version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error) return undefined;
  return parseJavaVersionOutput(`${run.stderr ?? ''}\n${run.stdout ?? ''}`);
}

/** `openjdk version "25.0.3" 2025-10-21` → "25.0.3". */
export function parseJavaVersionOutput(output: string): string | undefined {
  const match = /version "([^"]+)"/.exec(output);
  return match ? match[1] : undefined;
}

function javaExecutableIn(home: string, platform: NodeJS.Platform): string {
  return path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/** Judges one candidate folder. */
export function examineCandidate(
  candidate: JdkCandidate,
  minimumFeature: number,
  runJavaVersion: (javaExecutable: string) => string | undefined,
  platform: NodeJS.Platform,
): CandidateVerdict {
  const home = candidate.home;
  if (!isDirectory(home)) {
    return { ...candidate, problem: 'folder does not exist' };
  }
  const javaExecutable = javaExecutableIn(home, platform);
  if (!isFile(javaExecutable)) {
    return { ...candidate, problem: `no ${path.join('bin', path.basename(javaExecutable))} in it (not a JDK or JRE folder)` };
  }
  const version = readReleaseVersion(home) ?? runJavaVersion(javaExecutable);
  const feature = version === undefined ? undefined : featureOf(version);
  if (version === undefined || feature === undefined) {
    return { ...candidate, javaExecutable, problem: 'its Java version could not be read (no release file, and `java -version` gave no version)' };
  }
  if (feature < minimumFeature) {
    return { ...candidate, javaExecutable, version, feature, problem: `Java ${version} is too old` };
  }
  return { ...candidate, javaExecutable, version, feature };
}

/** The JDK folder of the `java` found on PATH, following symlinks (/usr/bin/java → /usr/lib/jvm/…). */
export function javaHomeFromPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const pathValue = env.PATH ?? env.Path ?? '';
  const executableName = platform === 'win32' ? 'java.exe' : 'java';
  for (const dir of pathValue.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, executableName);
    if (!isFile(candidate)) continue;
    let real = candidate;
    try {
      real = fs.realpathSync(candidate);
    } catch {
      // keep the unresolved path
    }
    return path.dirname(path.dirname(real));
  }
  return undefined;
}

/** The usual places JDKs are installed on this platform (each holds one JDK per subfolder). */
export function defaultInstallRoots(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  const roots = [path.join(home, '.sdkman', 'candidates', 'java'), path.join(home, '.jdks'), path.join(home, '.asdf', 'installs', 'java')];
  if (platform === 'win32') {
    for (const base of [env.ProgramFiles, env['ProgramFiles(x86)']]) {
      if (!base) continue;
      for (const vendor of ['Java', 'Eclipse Adoptium', 'Microsoft', 'Zulu', 'Amazon Corretto', 'BellSoft']) {
        roots.push(path.join(base, vendor));
      }
    }
  } else if (platform === 'darwin') {
    roots.push('/Library/Java/JavaVirtualMachines');
  } else {
    roots.push('/usr/lib/jvm', '/usr/local/lib/jvm', '/opt/java', '/opt/jdk', '/opt');
  }
  return roots;
}

/** JDK folders under the install roots, as candidates, newest-looking names first. */
function installFolderCandidates(roots: readonly string[], platform: NodeJS.Platform): JdkCandidate[] {
  const found: JdkCandidate[] = [];
  for (const root of roots) {
    let entries: string[];
    try {
      entries = fs.readdirSync(root);
    } catch {
      continue;
    }
    for (const entry of entries) {
      let home = path.join(root, entry);
      // macOS bundles keep the JDK in Contents/Home.
      if (platform === 'darwin' && isDirectory(path.join(home, 'Contents', 'Home'))) {
        home = path.join(home, 'Contents', 'Home');
      }
      if (isFile(javaExecutableIn(home, platform))) found.push({ source: 'install folder', home });
    }
  }
  return found;
}

/** "~/jdks/25" → "/home/me/jdks/25" (settings are often written that way; Node does not expand it). */
export function expandHome(folder: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (!folder) return folder;
  if (folder !== '~' && !folder.startsWith('~/') && !folder.startsWith('~\\')) return folder;
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  return path.join(home, folder.slice(1));
}

/** Searches for a JDK in the documented order; see the module comment. */
export function findJdk(options: JdkSearchOptions): JdkSearchResult {
  const minimumFeature = options.minimumFeature ?? MINIMUM_JDK_FEATURE;
  const platform = options.platform ?? process.platform;
  const runJavaVersion = options.runJavaVersion ?? javaVersionFromExecutable;
  const examined: CandidateVerdict[] = [];
  const seen = new Set<string>();

  const consider = (candidate: JdkCandidate): FoundJdk | undefined => {
    const key = path.resolve(candidate.home);
    if (seen.has(key)) return undefined;
    seen.add(key);
    const verdict = examineCandidate(candidate, minimumFeature, runJavaVersion, platform);
    examined.push(verdict);
    if (verdict.problem === undefined && verdict.javaExecutable && verdict.version && verdict.feature !== undefined) {
      return { source: verdict.source, home: verdict.home, version: verdict.version, feature: verdict.feature, javaExecutable: verdict.javaExecutable };
    }
    return undefined;
  };

  const ordered: JdkCandidate[] = [];
  const setting = expandHome(options.settingJavaHome?.trim(), options.env);
  if (setting) ordered.push({ source: 'setting stowage.java.home', home: setting });
  for (const variable of ['JDK_HOME', 'JAVA_HOME'] as const) {
    const value = options.env[variable]?.trim();
    if (value) ordered.push({ source: variable, home: value });
  }
  const fromPath = javaHomeFromPath(options.env, platform);
  if (fromPath) ordered.push({ source: 'PATH', home: fromPath });

  for (const candidate of ordered) {
    const jdk = consider(candidate);
    if (jdk) return { jdk, examined };
  }

  // Last resort: the newest JDK in the usual install folders.
  const roots = options.installRoots ?? defaultInstallRoots(platform, options.env);
  const installed = installFolderCandidates(roots, platform)
    .filter((candidate) => !seen.has(path.resolve(candidate.home)))
    .map((candidate) => examineCandidate(candidate, minimumFeature, runJavaVersion, platform));
  for (const verdict of installed) {
    seen.add(path.resolve(verdict.home));
    examined.push(verdict);
  }
  const best = installed
    .filter((verdict) => verdict.problem === undefined)
    .sort((a, b) => compareVersions(b.version ?? '', a.version ?? ''))[0];
  if (best && best.javaExecutable && best.version && best.feature !== undefined) {
    return {
      jdk: { source: best.source, home: best.home, version: best.version, feature: best.feature, javaExecutable: best.javaExecutable },
      examined,
    };
  }
  return { examined };
}

/** Compares "25.0.3" and "25.0.10" numerically, part by part. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[^0-9]+/).filter(Boolean).map(Number);
  const left = parts(a);
  const right = parts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** One line per candidate, e.g. "JAVA_HOME: /usr/lib/jvm/java-17 (Java 17.0.13 is too old)". */
export function describeExamined(examined: readonly CandidateVerdict[]): string[] {
  return examined.map((verdict) => {
    const what = verdict.problem ?? `Java ${verdict.version}`;
    return `${verdict.source}: ${verdict.home} (${what})`;
  });
}

/**
 * The error shown when no JDK fits: what was looked at, what was found there, and what is needed.
 */
export function describeFailure(result: JdkSearchResult, minimumFeature: number = MINIMUM_JDK_FEATURE): string {
  const lines = describeExamined(result.examined);
  const found = lines.length === 0
    ? 'No JDK was found: stowage.java.home, JDK_HOME and JAVA_HOME are not set, there is no java on PATH, and the usual install folders hold none.'
    : `Found: ${lines.join('; ')}.`;
  return `Stowage needs a JDK ${minimumFeature} or newer to run its language server. ${found} `
    + `Install a JDK ${minimumFeature} (for example Temurin ${minimumFeature}) and set "stowage.java.home" to its folder, or point JAVA_HOME at it.`;
}

/**
 * Warnings about candidates that came before the chosen one and were set by the user (the setting,
 * the environment variables): a user who set `stowage.java.home` to a JDK 21 should hear why it was
 * not used.
 */
export function skippedUserChoices(result: JdkSearchResult): string[] {
  if (!result.jdk) return [];
  return result.examined
    .filter((verdict) => verdict.problem !== undefined)
    .filter((verdict) => verdict.source === 'setting stowage.java.home' || verdict.source === 'JDK_HOME' || verdict.source === 'JAVA_HOME')
    .map((verdict) => `${verdict.source} is ${verdict.home}, not used: ${verdict.problem}; using ${result.jdk!.home} (Java ${result.jdk!.version}, from ${result.jdk!.source}) instead.`);
}
