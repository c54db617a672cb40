/**
 * JDK discovery, specified with fake JDK folders (a `bin/java` file and a `release` file) in a
 * temporary directory: no real Java is run.
 */
import { after, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  compareVersions,
  describeFailure,
  featureOf,
  findJdk,
  JdkSearchOptions,
  parseJavaVersionOutput,
  readReleaseVersion,
  skippedUserChoices,
} from '../src/jdk';

const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'stowage-jdk-test-'));
after(() => fs.rmSync(sandbox, { recursive: true, force: true }));

let counter = 0;
/** Makes a fake JDK folder; `version` undefined means no release file. */
function fakeJdk(name: string, version: string | undefined, options: { java?: boolean } = {}): string {
  const home = path.join(sandbox, `${counter++}`, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  if (options.java !== false) fs.writeFileSync(path.join(home, 'bin', 'java'), '#!/bin/sh\n', { mode: 0o755 });
  if (version !== undefined) {
    fs.writeFileSync(path.join(home, 'release'), `IMPLEMENTOR="Test"\nJAVA_VERSION="${version}"\nOS_NAME="Linux"\n`);
  }
  return home;
}

/** A PATH folder whose `java` is a symlink into the given JDK, as /usr/bin/java is on Debian. */
function pathDirLinkingTo(home: string): string {
  const dir = path.join(sandbox, `${counter++}`, 'usr-bin');
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(home, 'bin', 'java'), path.join(dir, 'java'));
  return dir;
}

const noInstallRoots: string[] = [];
const neverRun = (): string | undefined => {
  throw new Error('java -version must not be run when a release file exists');
};

function search(options: Partial<JdkSearchOptions> & { env: NodeJS.ProcessEnv }) {
  return findJdk({ installRoots: noInstallRoots, runJavaVersion: neverRun, platform: 'linux', minimumFeature: 25, ...options });
}

describe('reading a Java version', () => {
  it('takes the feature number from modern and legacy version strings', () => {
    assert.equal(featureOf('25'), 25);
    assert.equal(featureOf('25.0.3'), 25);
    assert.equal(featureOf('26-ea'), 26);
    assert.equal(featureOf('25.0.3+9-LTS'), 25);
    assert.equal(featureOf('1.8.0_412'), 8);
    assert.equal(featureOf('not a version'), undefined);
  });

  it('reads JAVA_VERSION from a release file, quoted or not', () => {
    assert.equal(readReleaseVersion(fakeJdk('jdk', '25.0.3')), '25.0.3');
    const unquoted = fakeJdk('jdk-unquoted', undefined);
    fs.writeFileSync(path.join(unquoted, 'release'), 'JAVA_VERSION=21.0.5\n');
    assert.equal(readReleaseVersion(unquoted), '21.0.5');
    assert.equal(readReleaseVersion(fakeJdk('no-release', undefined)), undefined);
  });

  it('parses the version out of `java -version` output', () => {
    assert.equal(parseJavaVersionOutput('openjdk version "25.0.3" 2025-10-21 LTS\nOpenJDK Runtime Environment'), '25.0.3');
    assert.equal(parseJavaVersionOutput('java version "1.8.0_412"'), '1.8.0_412');
    assert.equal(parseJavaVersionOutput('garbage'), undefined);
  });

  it('compares versions part by part, numerically', () => {
    assert.ok(compareVersions('25.0.10', '25.0.3') > 0);
    assert.ok(compareVersions('26', '25.0.9') > 0);
    assert.equal(compareVersions('25.0.0', '25'), 0);
  });
});

describe('the order in which JDKs are looked for', () => {
  it('prefers the setting over JDK_HOME, JAVA_HOME and PATH', () => {
    const fromSetting = fakeJdk('setting', '25.0.1');
    const result = search({
      settingJavaHome: fromSetting,
      env: { JDK_HOME: fakeJdk('jdkhome', '25.0.2'), JAVA_HOME: fakeJdk('javahome', '25.0.3'), PATH: pathDirLinkingTo(fakeJdk('path', '26')) },
    });
    assert.equal(result.jdk?.home, fromSetting);
    assert.equal(result.jdk?.source, 'setting stowage.java.home');
    assert.equal(result.jdk?.version, '25.0.1');
    assert.equal(result.jdk?.javaExecutable, path.join(fromSetting, 'bin', 'java'));
  });

  it('expands a leading ~ in the setting to the home folder', () => {
    const home = path.join(sandbox, `${counter++}`, 'home');
    const jdk = path.join(home, 'jdks', 'jdk-25');
    fs.mkdirSync(path.join(jdk, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(jdk, 'bin', 'java'), '');
    fs.writeFileSync(path.join(jdk, 'release'), 'JAVA_VERSION="25.0.1"\n');
    const result = search({ settingJavaHome: '~/jdks/jdk-25', env: { HOME: home } });
    assert.equal(result.jdk?.home, jdk);
    assert.equal(result.jdk?.source, 'setting stowage.java.home');
  });

  it('uses JDK_HOME before JAVA_HOME when the setting is empty', () => {
    const jdkHome = fakeJdk('jdkhome', '25');
    const result = search({ settingJavaHome: '  ', env: { JDK_HOME: jdkHome, JAVA_HOME: fakeJdk('javahome', '25') } });
    assert.equal(result.jdk?.source, 'JDK_HOME');
    assert.equal(result.jdk?.home, jdkHome);
  });

  it('uses JAVA_HOME when neither the setting nor JDK_HOME is set', () => {
    const javaHome = fakeJdk('javahome', '25.0.3');
    const result = search({ settingJavaHome: null, env: { JAVA_HOME: javaHome, PATH: pathDirLinkingTo(fakeJdk('path', '25')) } });
    assert.equal(result.jdk?.source, 'JAVA_HOME');
    assert.equal(result.jdk?.home, javaHome);
  });

  it('follows the java on PATH through symlinks to its JDK folder', () => {
    const real = fakeJdk('temurin-25', '25.0.3');
    const result = search({ env: { PATH: ['/nonexistent', pathDirLinkingTo(real)].join(path.delimiter) } });
    assert.equal(result.jdk?.source, 'PATH');
    assert.equal(result.jdk?.home, fs.realpathSync(real));
  });

  it('skips a JDK that is too old and says so when a user choice was skipped', () => {
    const old = fakeJdk('jdk-21', '21.0.5');
    const good = fakeJdk('jdk-25', '25.0.3');
    const result = search({ settingJavaHome: old, env: { JAVA_HOME: good } });
    assert.equal(result.jdk?.home, good);
    assert.equal(result.examined[0].problem, 'Java 21.0.5 is too old');
    const warnings = skippedUserChoices(result);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /setting stowage\.java\.home is .*jdk-21, not used: Java 21\.0\.5 is too old; using .*jdk-25 \(Java 25\.0\.3, from JAVA_HOME\)/);
  });

  it('falls back to the newest JDK in the install folders after PATH', () => {
    const root = path.join(sandbox, `${counter++}`, 'jvm');
    for (const [name, version] of [['jdk-17', '17.0.13'], ['jdk-25.0.3', '25.0.3'], ['jdk-25.0.10', '25.0.10'], ['jdk-21', '21.0.1']]) {
      fs.mkdirSync(path.join(root, name, 'bin'), { recursive: true });
      fs.writeFileSync(path.join(root, name, 'bin', 'java'), '');
      fs.writeFileSync(path.join(root, name, 'release'), `JAVA_VERSION="${version}"\n`);
    }
    const result = search({ env: { PATH: pathDirLinkingTo(fakeJdk('path-17', '17.0.13')) }, installRoots: [root] });
    assert.equal(result.jdk?.source, 'install folder');
    assert.equal(result.jdk?.version, '25.0.10');
    assert.equal(result.jdk?.home, path.join(root, 'jdk-25.0.10'));
  });

  it('asks `java -version` only when a JDK has no release file', () => {
    const home = fakeJdk('no-release', undefined);
    const asked: string[] = [];
    const result = search({ env: { JAVA_HOME: home }, runJavaVersion: (java) => { asked.push(java); return '25.0.2'; } });
    assert.deepEqual(asked, [path.join(home, 'bin', 'java')]);
    assert.equal(result.jdk?.version, '25.0.2');
  });

  it('accepts a newer JDK than the minimum', () => {
    assert.equal(search({ env: { JAVA_HOME: fakeJdk('jdk-27', '27-ea') } }).jdk?.feature, 27);
  });

  it('looks for java.exe under Windows', () => {
    const home = fakeJdk('windows-jdk', '25', { java: false });
    fs.writeFileSync(path.join(home, 'bin', 'java.exe'), '');
    const result = search({ env: { JAVA_HOME: home }, platform: 'win32' });
    assert.equal(result.jdk?.javaExecutable, path.join(home, 'bin', 'java.exe'));
  });
});

describe('when no JDK fits', () => {
  it('reports every candidate with what was found there and what is needed', () => {
    const old = fakeJdk('jdk-21', '21.0.5');
    const notJdk = path.join(sandbox, `${counter++}`, 'empty');
    fs.mkdirSync(notJdk, { recursive: true });
    const unreadable = fakeJdk('no-version', undefined);
    const onPath = fakeJdk('jdk-17', '17.0.13');
    const result = findJdk({
      settingJavaHome: '/does/not/exist',
      env: { JDK_HOME: notJdk, JAVA_HOME: old, PATH: `${pathDirLinkingTo(onPath)}${path.delimiter}${pathDirLinkingTo(unreadable)}` },
      installRoots: [],
      runJavaVersion: () => undefined,
      platform: 'linux',
    });
    assert.equal(result.jdk, undefined);
    assert.deepEqual(result.examined.map((v) => v.source), ['setting stowage.java.home', 'JDK_HOME', 'JAVA_HOME', 'PATH']);
    const message = describeFailure(result, 25);
    assert.match(message, /needs a JDK 25 or newer/);
    assert.match(message, /setting stowage\.java\.home: \/does\/not\/exist \(folder does not exist\)/);
    assert.match(message, /JDK_HOME: .*empty \(no bin\/java in it/);
    assert.match(message, /JAVA_HOME: .*jdk-21 \(Java 21\.0\.5 is too old\)/);
    assert.match(message, /PATH: .*jdk-17 \(Java 17\.0\.13 is too old\)/);
    assert.match(message, /set "stowage\.java\.home" to its folder/);
  });

  it('says plainly that nothing was found when there was nothing to look at', () => {
    const result = search({ env: {} });
    assert.equal(result.jdk, undefined);
    assert.match(describeFailure(result, 25), /No JDK was found: stowage\.java\.home, JDK_HOME and JAVA_HOME are not set, there is no java on PATH/);
  });

  it('reports a JDK whose version cannot be read', () => {
    const result = search({ env: { JAVA_HOME: fakeJdk('mystery', undefined) }, runJavaVersion: () => undefined });
    assert.equal(result.jdk, undefined);
    assert.match(result.examined[0].problem ?? '', /version could not be read/);
  });
});
