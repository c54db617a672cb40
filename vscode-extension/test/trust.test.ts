/**
 * Workspace Trust, specified: what the extension takes from a workspace's own settings, what it
 * tells the server, and that JDK discovery never runs a binary a workspace's settings named.
 */
import { after, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findJdk } from '../src/jdk';
import { DEFAULT_MAX_HEAP, heapArgument, serverCommand } from '../src/launch';
import { parseMaxHeap } from '../src/settings';
import { initializationOptions, RESTRICTED_SETTINGS, trustedValue, userOnlyValue } from '../src/trust';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const properties: Record<string, { scope?: string }> = manifest.contributes.configuration.properties;

const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'stowage-trust-test-'));
after(() => fs.rmSync(sandbox, { recursive: true, force: true }));

describe('the manifest', () => {
  it('supports untrusted workspaces in limited mode, restricting exactly the settings that name something to run or load', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.deepEqual([...untrusted.restrictedConfigurations].sort(), [...RESTRICTED_SETTINGS].sort());
    assert.ok(typeof untrusted.description === 'string' && untrusted.description.length > 0);
  });

  it('restricts every contributed setting that names an executable, a folder, a classpath or a JVM option', () => {
    const looksDangerous = Object.keys(properties).filter((name) => /home|classpath|path|executable|command|jvm|heap|args|maven|mvn|gradle/i.test(name));
    assert.ok(looksDangerous.length >= 3, `found ${looksDangerous.join(', ')}`);
    for (const name of looksDangerous) {
      assert.ok((RESTRICTED_SETTINGS as readonly string[]).includes(name), `${name} must be in restrictedConfigurations`);
    }
    for (const name of RESTRICTED_SETTINGS) assert.ok(name in properties, `${name} is a contributed setting`);
  });

  it('makes stowage.java.home machine-scoped, so a workspace cannot set it at all', () => {
    assert.equal(properties['stowage.java.home'].scope, 'machine');
  });
});

describe('userOnlyValue (machine-scoped settings)', () => {
  it('takes the user value and ignores, with a note, what a workspace or folder set', () => {
    const chosen = userOnlyValue({ globalValue: '/opt/jdk-25', workspaceValue: './evil', workspaceFolderValue: './eviler' }, 'stowage.java.home');
    assert.equal(chosen.value, '/opt/jdk-25');
    assert.equal(chosen.origin, 'user');
    assert.equal(chosen.ignored.length, 1);
    assert.match(chosen.ignored[0], /only your user settings may name the JDK/);
  });

  it('is unset, not the workspace value, when the user set nothing', () => {
    const chosen = userOnlyValue<string | null>({ defaultValue: null, workspaceValue: '/tmp/repo/jdk' }, 'stowage.java.home');
    assert.equal(chosen.value, undefined);
  });
});

describe('trustedValue (restricted settings)', () => {
  const inspection = { defaultValue: [] as string[], globalValue: ['/home/me/lib.jar'], workspaceValue: ['ws.jar'], workspaceFolderValue: ['folder.jar'] };

  it('uses the folder, then the workspace value in a trusted workspace', () => {
    assert.deepEqual(trustedValue(inspection, true, 'stowage.classpath').value, ['folder.jar']);
    assert.deepEqual(trustedValue({ ...inspection, workspaceFolderValue: undefined }, true, 'stowage.classpath').value, ['ws.jar']);
  });

  it('uses only the user value in a restricted workspace, and says what it ignored', () => {
    const chosen = trustedValue(inspection, false, 'stowage.classpath');
    assert.deepEqual(chosen.value, ['/home/me/lib.jar']);
    assert.equal(chosen.origin, 'user');
    assert.match(chosen.ignored[0], /not trusted/);
  });
});

describe('initializationOptions', () => {
  it('tells the server whether the folder is trusted, as the boolean workspaceTrusted', () => {
    const settings = { classpath: [], severities: {} };
    assert.equal(initializationOptions(settings, false).workspaceTrusted, false);
    assert.equal(initializationOptions(settings, true).workspaceTrusted, true);
    assert.equal(initializationOptions(settings, true).pushDiagnostics, true);
    assert.deepEqual(initializationOptions(settings, true).classpath, []);
  });
});

describe('JDK discovery and workspace settings', () => {
  /** A fake JDK without a release file: discovery must run its bin/java to learn its version. The script leaves a marker. */
  function booby(name: string): { home: string; marker: string } {
    const home = path.join(sandbox, name);
    const marker = path.join(sandbox, `${name}.ran`);
    fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(home, 'bin', 'java'), `#!/bin/sh\ntouch '${marker}'\necho 'openjdk version "25.0.1"' >&2\n`, { mode: 0o755 });
    return { home, marker };
  }
  const search = (setting: string | undefined) =>
    findJdk({ settingJavaHome: setting, env: { PATH: '' }, installRoots: [], platform: 'linux' });

  it('never executes bin/java of a folder named in the workspace settings', { skip: process.platform === 'win32' }, () => {
    const planted = booby('workspace-jdk');
    const chosen = userOnlyValue<string | null>({ defaultValue: null, workspaceValue: planted.home, workspaceFolderValue: planted.home }, 'stowage.java.home');
    const result = search(chosen.value ?? undefined);
    assert.equal(fs.existsSync(planted.marker), false, 'the planted java ran');
    assert.equal(result.jdk, undefined);
    assert.ok(result.examined.every((verdict) => verdict.home !== planted.home));
  });

  it('does run the java of a folder the user named (the check above can see an execution)', { skip: process.platform === 'win32' }, () => {
    const own = booby('user-jdk');
    const chosen = userOnlyValue<string | null>({ defaultValue: null, globalValue: own.home }, 'stowage.java.home');
    const result = search(chosen.value ?? undefined);
    assert.equal(fs.existsSync(own.marker), true);
    assert.equal(result.jdk?.home, own.home);
  });
});

describe('the heap bound', () => {
  it('defaults to 1g on the server command line', () => {
    assert.equal(DEFAULT_MAX_HEAP, '1g');
    const { args } = serverCommand('/jdk/bin/java', '/ext/server/stowage-lsp.jar', [heapArgument(DEFAULT_MAX_HEAP)]);
    assert.ok(args.includes('-Xmx1g'));
    assert.ok(args.indexOf('-Xmx1g') < args.indexOf('-jar'), 'a JVM option, before -jar');
  });

  it('accepts sizes like 2g and 2048m, and refuses anything else, which would end up on a command line', () => {
    assert.deepEqual(parseMaxHeap('2g', '1g'), { value: '2g', problems: [] });
    assert.deepEqual(parseMaxHeap(' 2048m ', '1g'), { value: '2048m', problems: [] });
    assert.deepEqual(parseMaxHeap(undefined, '1g'), { value: '1g', problems: [] });
    for (const bad of ['2g -javaagent:/tmp/x.jar', '-XX:OnError=sh', '1.5g', 'lots', 12]) {
      const parsed = parseMaxHeap(bad, '1g');
      assert.equal(parsed.value, '1g', String(bad));
      assert.equal(parsed.problems.length, 1);
    }
    assert.match(parseMaxHeap('64m', '1g').problems[0], /below 256m/);
    assert.throws(() => heapArgument('1g -javaagent:x'));
  });
});
