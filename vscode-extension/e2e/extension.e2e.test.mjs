// End-to-end: the packaged extension in a real VS Code (code-server), seen through Chromium.
// Run it through e2e/run.sh, which installs code-server and Chromium and sets the environment.
// Each step is a subtest; after a failed step the later ones are skipped, so the report shows
// exactly how far the pipeline got. Screenshots and the extension's logs go to STOWAGE_E2E_OUT.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this test through e2e/run.sh`);
  return value;
};
const vsix = env('STOWAGE_VSIX');
const corpusFile = env('STOWAGE_E2E_FILE');
// A second buggy file that is never opened: only a workspace analysis can report it.
const unopenedCorpusFile = env('STOWAGE_E2E_UNOPENED_FILE');
const out = env('STOWAGE_E2E_OUT');
const repoRoot = env('STOWAGE_REPO_ROOT');
const javaHome = env('STOWAGE_E2E_JAVA_HOME');
const codeServer = path.join(here, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// Time limits per step (the first analysis starts javac and the checker on a busy 2-core machine).
const SERVER_START_MS = 120_000;
const FIRST_DIAGNOSTIC_MS = 180_000;
const FIX_MS = 120_000;

fs.rmSync(out, { recursive: true, force: true });
const userData = path.join(out, 'user-data');
const extensionsDir = path.join(out, 'extensions');
const workspace = path.join(out, 'workspace');
const browserProfile = path.join(out, 'browser-profile');
for (const dir of [userData, extensionsDir, workspace, browserProfile]) fs.mkdirSync(dir, { recursive: true });

const log = (message) => console.log(`# [e2e] ${message}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
}

/** Every log file the extension wrote (its LogOutputChannel is mirrored to a file), concatenated. */
function extensionLogs() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/Stowage\.log$/.test(entry.name) || entry.name === 'remoteexthost.log' || entry.name === 'exthost.log') found.push(full);
    }
  };
  if (fs.existsSync(userData)) walk(userData);
  return found.map((file) => `----- ${path.relative(out, file)}\n${fs.readFileSync(file, 'utf8')}`).join('\n');
}

// ---- the workspace: one corpus file, with the classpath it compiles against -----------------
const relativeSource = path.relative(path.join(repoRoot, 'test-corpus'), corpusFile);
const workspaceFile = path.join(workspace, relativeSource.startsWith('..') ? path.basename(corpusFile) : relativeSource);
fs.mkdirSync(path.dirname(workspaceFile), { recursive: true });
fs.copyFileSync(corpusFile, workspaceFile);
const originalText = fs.readFileSync(workspaceFile, 'utf8');
const unopenedRelative = path.relative(path.join(repoRoot, 'test-corpus'), unopenedCorpusFile);
const unopenedWorkspaceFile = path.join(workspace, unopenedRelative.startsWith('..') ? path.basename(unopenedCorpusFile) : unopenedRelative);
fs.mkdirSync(path.dirname(unopenedWorkspaceFile), { recursive: true });
fs.copyFileSync(unopenedCorpusFile, unopenedWorkspaceFile);
const unopenedName = path.basename(unopenedWorkspaceFile);
const fileName = path.basename(workspaceFile);
// A JDK folder planted by the workspace: its bin/java (no release file, so discovery would have to
// run it to learn its version) leaves a marker. stowage.java.home is machine-scoped: the extension
// must never run it, even in this trusted workspace.
const plantedJdk = path.join(out, 'planted-jdk');
const plantedMarker = path.join(out, 'planted-java-ran');
fs.mkdirSync(path.join(plantedJdk, 'bin'), { recursive: true });
fs.writeFileSync(path.join(plantedJdk, 'bin', 'java'), `#!/bin/sh\ntouch '${plantedMarker}'\necho 'openjdk version "25.0.1"' >&2\n`, { mode: 0o755 });
fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({
  'stowage.java.home': plantedJdk,
  'stowage.classpath': [
    path.join(repoRoot, 'runtime-stores', 'target', 'classes'),
    path.join(repoRoot, 'analyzer', 'qual', 'target', 'classes'),
  ],
  'stowage.trace.server': 'messages',
  // One valid entry (hides a key everywhere) and one misspelt key (must be reported, not fatal).
  'stowage.severity': { 'invalidates.undeclared': 'off', 'pointer.stail': 'warning' },
}, null, 2));
const userSettingsDir = path.join(userData, 'User');
fs.mkdirSync(userSettingsDir, { recursive: true });
fs.writeFileSync(path.join(userSettingsDir, 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'files.autoSave': 'off',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
}, null, 2));

let codeServerProcess;
let context;
let page;
let failed = false;

async function screenshot(name) {
  if (!page) return;
  const file = path.join(out, name);
  await page.screenshot({ path: file }).catch((error) => log(`screenshot ${name} failed: ${error.message}`));
  log(`screenshot: ${file}`);
}

async function problemsRows() {
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

test('the Stowage extension in VS Code (code-server) finds and fixes a stale pointer', { timeout: 590_000 }, async (t) => {
  const step = (name, fn) => t.test(name, { skip: failed ? 'an earlier step failed' : false }, async () => {
    try {
      await fn();
    } catch (error) {
      failed = true;
      await screenshot(`failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      const logs = extensionLogs();
      fs.writeFileSync(path.join(out, 'extension-logs.txt'), logs);
      console.error(`---- extension logs (also in ${path.join(out, 'extension-logs.txt')}) ----\n${logs.slice(-12_000)}`);
      throw error;
    }
  });

  t.after(async () => {
    fs.writeFileSync(path.join(out, 'extension-logs.txt'), extensionLogs());
    await context?.close().catch(() => undefined);
    if (codeServerProcess && codeServerProcess.exitCode === null) {
      codeServerProcess.kill('SIGTERM');
      await new Promise((resolve) => {
        const timer = setTimeout(() => { codeServerProcess.kill('SIGKILL'); resolve(); }, 5_000);
        codeServerProcess.once('exit', () => { clearTimeout(timer); resolve(); });
      });
    }
  });

  await step('code-server installs the .vsix', async () => {
    assert.ok(fs.existsSync(codeServer), `code-server is not installed at ${codeServer}; run e2e/setup.sh`);
    const result = spawnSync(process.execPath, [codeServer, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      encoding: 'utf8', timeout: 120_000, env: { ...process.env, XDG_CONFIG_HOME: path.join(out, 'config'), XDG_DATA_HOME: path.join(out, 'data') },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    assert.equal(result.status, 0, `--install-extension failed (status ${result.status}):\n${output}`);
    assert.match(output, /successfully installed/i, output);
    const installed = fs.readdirSync(extensionsDir).filter((name) => name.startsWith('stowage.stowage-'));
    assert.equal(installed.length, 1, `extension folder not found in ${extensionsDir}: ${fs.readdirSync(extensionsDir)}`);
    assert.ok(fs.existsSync(path.join(extensionsDir, installed[0], 'server', 'stowage-lsp.jar')), 'the installed extension has no server/stowage-lsp.jar');
    log(`installed ${installed[0]}`);
  });

  await step('VS Code opens the corpus file in the browser', async () => {
    const port = await freePort();
    codeServerProcess = spawn(process.execPath, [
      codeServer, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensionsDir, workspace,
    ], {
      env: {
        ...process.env,
        // The extension must find this JDK 25 through JAVA_HOME; the java on PATH may be older.
        JAVA_HOME: javaHome,
        JDK_HOME: '',
        XDG_CONFIG_HOME: path.join(out, 'config'),
        XDG_DATA_HOME: path.join(out, 'data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const serverLog = fs.createWriteStream(path.join(out, 'code-server.log'));
    codeServerProcess.stdout.pipe(serverLog);
    codeServerProcess.stderr.pipe(serverLog);
    await waitFor(`code-server /healthz on port ${port}`, 60_000, async () => {
      if (codeServerProcess.exitCode !== null) throw new Error(`code-server exited with ${codeServerProcess.exitCode}; see ${path.join(out, 'code-server.log')}`);
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      return response.ok;
    });
    assert.ok(fs.existsSync('/usr/bin/chromium'), 'Debian chromium is missing (/usr/bin/chromium); run e2e/setup.sh');
    context = await chromium.launchPersistentContext(browserProfile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    // Quick Open (Ctrl+P) the file by name.
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
    await waitFor('the Quick Open box', 30_000, async () => {
      await page.keyboard.press('Control+P');
      return page.locator('.quick-input-widget input').isVisible({ timeout: 2_000 });
    });
    await page.keyboard.type(fileName);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: fileName }).waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    log(`opened ${fileName}`);
  });

  await step('the extension activates and starts the language server', async () => {
    // The status bar item reads "Stowage" from activation on; its icon tells the server's state.
    const item = page.locator('.statusbar-item', { hasText: 'Stowage' });
    await item.first().waitFor({ timeout: SERVER_START_MS });
    const state = await waitFor('the language server to leave the starting state', SERVER_START_MS, async () => {
      const label = (await item.first().getAttribute('aria-label')) ?? '';
      const html = await item.first().innerHTML();
      if (html.includes('codicon-error')) return 'failed';
      if (html.includes('codicon-check') || html.includes('codicon-warning')) return `running (${label})`;
      return undefined;
    });
    await screenshot('server-started.png');
    log(`status bar: ${state}`);
    assert.notEqual(state, 'failed', `the status bar says the server is not running: ${await item.first().getAttribute('aria-label')}`);
    const logs = extensionLogs();
    assert.match(logs, /Using Java 25[^\n]* from JAVA_HOME/, 'the extension did not report finding the JDK through JAVA_HOME');
    assert.equal(fs.existsSync(plantedMarker), false, 'the extension ran bin/java of a JDK named in the workspace settings');
    assert.match(logs, /Language server running/, 'the extension did not report the server as running');
    // The misspelt severity key is reported by name, in the log and in a notification.
    assert.match(logs, /stowage\.severity: unknown key "pointer\.stail" ignored/, 'the bad stowage.severity key was not reported in the log');
    await page.locator('.notifications-toasts', { hasText: 'pointer.stail' }).first().waitFor({ timeout: 10_000 });
  });

  await step('the stale pointer is squiggled and listed in Problems with its key', async () => {
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: FIRST_DIAGNOSTIC_MS });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ timeout: 30_000 });
    const rows = await waitFor('a pointer.stale row in the Problems panel', 30_000, async () => {
      const texts = await problemsRows();
      return texts.some((text) => text.includes('pointer.stale')) ? texts : undefined;
    });
    log(`Problems rows: ${JSON.stringify(rows)}`);
    assert.ok(!rows.some((text) => text.includes('invalidates.undeclared')), `"invalidates.undeclared": "off" did not hide that key: ${JSON.stringify(rows)}`);
    const status = await page.locator('.statusbar-item', { hasText: 'Stowage' }).first().innerText();
    assert.match(status, /Stowage: [1-9]/, `the status bar does not count the finding: ${status}`);
    await screenshot('finding.png');
  });

  await step('the re-resolve quick fix removes the finding', async () => {
    // Go to the finding from the Problems panel, then open the quick fixes (Ctrl+.).
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'pointer.stale' }).first().click();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor.focused').waitFor({ timeout: 10_000 });
    const action = await waitFor('a re-resolve quick fix', 60_000, async () => {
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: /re-?resolve|resolve .* again/i }).first();
      try {
        await item.waitFor({ state: 'visible', timeout: 5_000 });
        return item;
      } catch {
        await page.keyboard.press('Escape');
        return undefined;
      }
    });
    log(`quick fix: ${await action.innerText()}`);
    await screenshot('quick-fix-menu.png');
    // The menu is driven by keyboard (a pointer-block layer covers it while it opens): move the
    // focus to the fix, then Enter.
    for (let i = 0; i < 10 && !((await action.getAttribute('class')) ?? '').includes('focused'); i++) {
      await page.keyboard.press('ArrowDown');
    }
    assert.match((await action.getAttribute('class')) ?? '', /focused/, 'could not focus the re-resolve fix in the quick fix menu');
    await page.keyboard.press('Enter');
    await waitFor('the pointer.stale finding to disappear', FIX_MS, async () => {
      const texts = await problemsRows();
      return !texts.some((text) => text.includes('pointer.stale'));
    });
    // Saved or not, the editor's text changed: a resolve call was inserted.
    await page.keyboard.press('Control+S');
    await waitFor('the fixed file on disk', 30_000, async () => fs.readFileSync(workspaceFile, 'utf8') !== originalText);
    const fixed = fs.readFileSync(workspaceFile, 'utf8');
    const resolvesBefore = (originalText.match(/\.resolve\(/g) ?? []).length;
    const resolvesAfter = (fixed.match(/\.resolve\(/g) ?? []).length;
    assert.ok(resolvesAfter > resolvesBefore, `the fix did not add a resolve call:\n${fixed}`);
    fs.writeFileSync(path.join(out, `fixed-${fileName}`), fixed);
    await screenshot('fixed.png');
  });

  await step('Restart Language Server brings the server back', async () => {
    const runningBefore = (extensionLogs().match(/Language server running/g) ?? []).length;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
    await page.keyboard.type('Stowage: Restart Language Server');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Stowage: Restart Language Server' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await waitFor('a second "Language server running" in the log', SERVER_START_MS,
      async () => (extensionLogs().match(/Language server running/g) ?? []).length > runningBefore);
    const html = await page.locator('.statusbar-item', { hasText: 'Stowage' }).first().innerHTML();
    assert.ok(html.includes('codicon-check') || html.includes('codicon-warning'), `the status bar does not show a running server after the restart: ${html}`);
  });

  await step('Analyze Workspace reports a file that was never opened', async () => {
    const before = await problemsRows();
    assert.ok(!before.some((text) => text.includes(unopenedName)), `${unopenedName} is in Problems before the workspace was analyzed: ${JSON.stringify(before)}`);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
    await page.keyboard.type('Stowage: Analyze Workspace');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Stowage: Analyze Workspace' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const rows = await waitFor(`a Problems row for ${unopenedName}`, FIRST_DIAGNOSTIC_MS, async () => {
      const texts = await problemsRows();
      return texts.some((text) => text.includes(unopenedName)) ? texts : undefined;
    });
    log(`Problems rows after Analyze Workspace: ${JSON.stringify(rows)}`);
    await waitFor('the extension to log the end of the workspace analysis', 60_000, async () => /Workspace analysis finished/.test(extensionLogs()));
    await screenshot('workspace-analyzed.png');
  });

  await step('a severity change applies at once to the findings shown', async () => {
    const settingsFile = path.join(workspace, '.vscode', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    settings['stowage.severity'] = { ...settings['stowage.severity'], 'pointer.stale': 'off' };
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    await waitFor('the pointer.stale rows to go once the key is set to off', 60_000, async () => {
      const texts = await problemsRows();
      return !texts.some((text) => text.includes('pointer.stale'));
    });
    await screenshot('severity-off.png');
  });
});
