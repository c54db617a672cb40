/**
 * Settings handling: what is kept, what is ignored with a warning, and how severities change
 * diagnostics.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import {
  applySeverities,
  countFindings,
  DIAGNOSTIC_KEYS,
  diagnosticKeyOf,
  missingClasspathEntries,
  missingStubEntries,
  parseClasspath,
  parseStubs,
  parseSeverities,
  parseTrace,
  serverSettings,
} from '../src/settings';
import { serverCommand } from '../src/launch';
import { OWN_COMMAND_IDS } from '../src/commands';
import * as fs from 'fs';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('the diagnostic keys', () => {
  it('are the checker\'s keys: the eight of the specification, pointer.thread, ownership.borrowed and the qualifier keys', () => {
    assert.deepEqual([...DIAGNOSTIC_KEYS].sort(), [
      'argument', 'assignment', 'box.leak.unpinned', 'handle.foreign', 'handle.stale', 'invalidates.undeclared', 'ownership.borrowed',
      'pointer.escape', 'pointer.stale', 'pointer.thread', 'return', 'store.closed', 'use.after.move',
    ]);
  });

  it('are the keys the settings schema in package.json offers', () => {
    const schema = manifest.contributes.configuration.properties['stowage.severity'];
    assert.deepEqual(schema.propertyNames.enum, [...DIAGNOSTIC_KEYS]);
    assert.deepEqual(schema.additionalProperties.enum, ['error', 'warning', 'information', 'hint', 'off']);
  });

  it('are recognized in a diagnostic code, bare, prefixed, or with a code description', () => {
    assert.equal(diagnosticKeyOf('pointer.stale'), 'pointer.stale');
    assert.equal(diagnosticKeyOf('stowage:pointer.stale'), 'pointer.stale');
    assert.equal(diagnosticKeyOf('stowage.handle.stale'), 'handle.stale');
    assert.equal(diagnosticKeyOf({ value: 'store.closed', target: 'https://x' }), 'store.closed');
    assert.equal(diagnosticKeyOf('compiler.err'), undefined);
    assert.equal(diagnosticKeyOf(42), undefined);
    assert.equal(diagnosticKeyOf(undefined), undefined);
  });
});

describe('stowage.severity', () => {
  it('keeps valid entries, case-insensitively for levels', () => {
    const { value, problems } = parseSeverities({ 'pointer.escape': 'warning', 'box.leak.unpinned': 'OFF', 'handle.stale': 'hint' });
    assert.deepEqual(problems, []);
    assert.deepEqual([...value], [['pointer.escape', 'warning'], ['box.leak.unpinned', 'off'], ['handle.stale', 'hint']]);
  });

  it('ignores an unknown key with a warning that names it and lists the keys', () => {
    const { value, problems } = parseSeverities({ 'pointer.stail': 'warning', 'store.closed': 'information' });
    assert.deepEqual([...value], [['store.closed', 'information']]);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /unknown key "pointer\.stail" ignored; the keys are handle\.stale, pointer\.stale/);
  });

  it('ignores an unknown level with a warning that names it and lists the levels', () => {
    const { value, problems } = parseSeverities({ 'pointer.stale': 'fatal', 'handle.stale': 3 });
    assert.equal(value.size, 0);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /level "fatal" for "pointer\.stale" ignored; the levels are error, warning, information, hint, off/);
    assert.match(problems[1], /level 3 for "handle\.stale" ignored/);
  });

  it('rejects a value that is not an object, and accepts nothing set', () => {
    assert.match(parseSeverities(['pointer.stale']).problems[0], /must be an object/);
    assert.match(parseSeverities('error').problems[0], /must be an object.*got "error"/);
    assert.deepEqual(parseSeverities(undefined), { value: new Map(), problems: [] });
  });
});

describe('stowage.classpath', () => {
  const folder = path.resolve('/work/project');

  it('resolves relative entries and ${workspaceFolder} against the workspace folder', () => {
    const { value, problems } = parseClasspath(['lib/a.jar', '${workspaceFolder}/target/classes', '/abs/b.jar'], folder);
    assert.deepEqual(problems, []);
    assert.deepEqual(value, [path.join(folder, 'lib', 'a.jar'), path.join(folder, 'target', 'classes'), path.normalize('/abs/b.jar')]);
  });

  it('ignores entries that are not paths, with their index', () => {
    const { value, problems } = parseClasspath(['ok.jar', 7, '', null], folder);
    assert.deepEqual(value, [path.join(folder, 'ok.jar')]);
    assert.equal(problems.length, 3);
    assert.match(problems[0], /stowage\.classpath\[1\]: 7 is not a path, ignored/);
    assert.match(problems[1], /stowage\.classpath\[2\]: "" is not a path/);
  });

  it('cannot resolve relative entries without an open folder', () => {
    const { value, problems } = parseClasspath(['lib/a.jar', '${workspaceFolder}/x', '/abs.jar'], undefined);
    assert.deepEqual(value, [path.normalize('/abs.jar')]);
    assert.equal(problems.length, 2);
  });

  it('rejects a value that is not a list', () => {
    const { value, problems } = parseClasspath('a.jar:b.jar', folder);
    assert.deepEqual(value, []);
    assert.match(problems[0], /must be a list of jar or folder paths; got "a\.jar:b\.jar"/);
  });

  it('warns about entries that do not exist, and keeps them', () => {
    const warnings = missingClasspathEntries(['/there.jar', '/missing.jar'], (file) => file === '/there.jar');
    assert.deepEqual(warnings, ['stowage.classpath: /missing.jar does not exist (yet); the server will not find classes in it.']);
  });
});

describe('stowage.stubs', () => {
  const folder = path.resolve('/work/project');

  it('resolves entries like the classpath and says what a bad entry is', () => {
    const { value, problems } = parseStubs(['models/netty.astub', '${workspaceFolder}/models', 3], folder);
    assert.deepEqual(value, [path.join(folder, 'models', 'netty.astub'), path.join(folder, 'models')]);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /stowage\.stubs\[2\]: 3 is not a path, ignored/);
  });

  it('rejects a value that is not a list, naming stub files', () => {
    const { value, problems } = parseStubs('a.astub', folder);
    assert.deepEqual(value, []);
    assert.match(problems[0], /stowage\.stubs must be a list of \.astub files or folders of them/);
  });

  it('warns about stub entries that do not exist', () => {
    assert.deepEqual(missingStubEntries(['/there.astub', '/missing.astub'], (file) => file === '/there.astub'),
      ['stowage.stubs: /missing.astub does not exist; the checker reports it as an error until it does.']);
  });

  it('is offered in the settings schema as a list of paths', () => {
    const schema = manifest.contributes.configuration.properties['stowage.stubs'];
    assert.equal(schema.type, 'array');
    assert.deepEqual(schema.default, []);
  });
});

describe('stowage.trace.server', () => {
  it('accepts the three levels and replaces anything else by off with a warning', () => {
    assert.equal(parseTrace('verbose').value, 'verbose');
    assert.equal(parseTrace(undefined).value, 'off');
    const bad = parseTrace('loud');
    assert.equal(bad.value, 'off');
    assert.match(bad.problems[0], /"loud" ignored; use off, messages or verbose/);
  });
});

describe('applying severities to diagnostics', () => {
  type D = { code?: unknown; severity: string; message: string };
  const diagnostics: D[] = [
    { code: 'pointer.stale', severity: 'E', message: 'p stale' },
    { code: { value: 'pointer.escape', target: 'x' }, severity: 'E', message: 'p escapes' },
    { code: 'box.leak.unpinned', severity: 'E', message: 'leak' },
    { code: 'cant.resolve', severity: 'E', message: 'javac error' },
  ];
  const toSeverity = (level: string) => level.toUpperCase();
  const withSeverity = (d: D, severity: string): D => ({ ...d, severity });

  it('changes the level of configured keys, drops keys set to off, leaves the rest', () => {
    const { value } = parseSeverities({ 'pointer.escape': 'warning', 'box.leak.unpinned': 'off' });
    const result = applySeverities(diagnostics, value, toSeverity, withSeverity);
    assert.deepEqual(result.map((d) => [d.message, d.severity]), [['p stale', 'E'], ['p escapes', 'WARNING'], ['javac error', 'E']]);
  });

  it('leaves the server\'s diagnostics untouched, so a later change can be re-applied', () => {
    const { value } = parseSeverities({ 'pointer.stale': 'hint' });
    applySeverities(diagnostics, value, toSeverity, withSeverity);
    assert.equal(diagnostics[0].severity, 'E');
  });

  it('with no severities set, passes everything through', () => {
    assert.deepEqual(applySeverities(diagnostics, new Map(), toSeverity, withSeverity), diagnostics);
  });
});

describe('what the server and the status bar get', () => {
  it('sends the validated classpath and severities to the server', () => {
    const { value } = parseSeverities({ 'pointer.escape': 'warning', bogus: 'error' });
    assert.deepEqual(serverSettings(['/a.jar'], value), { classpath: ['/a.jar'], stubs: [], severities: { 'pointer.escape': 'warning' } });
    assert.deepEqual(serverSettings([], value, ['/m.astub']).stubs, ['/m.astub']);
  });

  it('counts only the checker\'s findings', () => {
    assert.equal(countFindings([{ code: 'pointer.stale' }, { code: 'stowage:store.closed' }, { code: 'cant.resolve' }, {}]), 2);
  });

  it('starts the server jar with -jar, so its manifest opens javac\'s internals to the checker', () => {
    const { command, args } = serverCommand('/jdk/bin/java', '/ext/server/stowage-lsp.jar', ['-Xmx1g']);
    assert.equal(command, '/jdk/bin/java');
    assert.deepEqual(args, ['-Xmx1g', '-jar', '/ext/server/stowage-lsp.jar']);
  });
});

describe('the extension manifest', () => {
  it('contributes exactly the commands the extension registers', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, [...OWN_COMMAND_IDS].sort());
  });

  it('activates on Java files and names the compiled entry point', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:java'));
    assert.equal(manifest.main, './out/src/extension.js');
    assert.ok(fs.existsSync(path.join(__dirname, '..', 'src', 'extension.js')), 'out/src/extension.js is missing');
  });

  it('pins every npm dependency to an exact version', () => {
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      assert.match(String(version), /^\d+\.\d+\.\d+$/, `${name} is not pinned: ${version}`);
    }
  });
});
