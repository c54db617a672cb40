/**
 * The Stowage extension: finds a JDK 25, starts the bundled language server over stdio, applies the
 * user's settings, and shows the server's state and the number of findings in the status bar.
 * Everything that can be decided without VS Code lives in jdk.ts, settings.ts and launch.ts.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
  vsdiag,
} from 'vscode-languageclient/node';
import { COMMANDS, OWN_COMMAND_IDS } from './commands';
import { describeFailure, findJdk, FoundJdk, MINIMUM_JDK_FEATURE, skippedUserChoices } from './jdk';
import { bundledServerJar, checkServerJar, serverCommand } from './launch';
import {
  applySeverities,
  countFindings,
  DiagnosticKey,
  missingClasspathEntries,
  missingStubEntries,
  parseClasspath,
  parseStubs,
  parseSeverities,
  parseTrace,
  serverSettings,
  ServerSettings,
  SeverityLevel,
} from './settings';

const CLIENT_ID = 'stowage';
const CLIENT_NAME = 'Stowage';

/** The server's `workspace/executeCommand` commands that analyze the whole workspace look like this. */
const ANALYZE_WORKSPACE_COMMAND = /analy[sz]e.*workspace|workspace.*analy[sz]e/i;

type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

interface EffectiveSettings {
  readonly severities: ReadonlyMap<DiagnosticKey, SeverityLevel>;
  readonly server: ServerSettings;
  readonly problems: string[];
}

function toVscodeSeverity(level: Exclude<SeverityLevel, 'off'>): vscode.DiagnosticSeverity {
  switch (level) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'information': return vscode.DiagnosticSeverity.Information;
    case 'hint': return vscode.DiagnosticSeverity.Hint;
  }
}

function withSeverity(diagnostic: vscode.Diagnostic, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const copy = new vscode.Diagnostic(diagnostic.range, diagnostic.message, severity);
  copy.code = diagnostic.code;
  copy.source = diagnostic.source;
  copy.relatedInformation = diagnostic.relatedInformation;
  copy.tags = diagnostic.tags;
  // vscode-languageclient keeps the LSP `data` on its own subclass; carry it for code actions.
  const data = (diagnostic as { data?: unknown }).data;
  if (data !== undefined) (copy as { data?: unknown }).data = data;
  return copy;
}

/** Reads and validates the settings of the first workspace folder (or the user settings). */
function readSettings(): EffectiveSettings {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const config = vscode.workspace.getConfiguration('stowage', folder?.uri);
  const severities = parseSeverities(config.get('severity'));
  const classpath = parseClasspath(config.get('classpath'), folder?.uri.fsPath);
  const stubs = parseStubs(config.get('stubs'), folder?.uri.fsPath);
  const trace = parseTrace(config.get('trace.server'));
  const missing = missingClasspathEntries(classpath.value, (file) => fs.existsSync(file));
  const missingStubs = missingStubEntries(stubs.value, (file) => fs.existsSync(file));
  return {
    severities: severities.value,
    server: serverSettings(classpath.value, severities.value, stubs.value),
    problems: [...severities.problems, ...classpath.problems, ...stubs.problems, ...trace.problems, ...missing, ...missingStubs],
  };
}

class StowageExtension implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private state: ServerState = 'stopped';
  private stateDetail = '';
  private settings: EffectiveSettings;
  private lastReportedProblems = '';
  /** The server's diagnostics as it sent them, so a severity change can be re-applied. */
  private readonly rawDiagnostics = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly statusItem: vscode.StatusBarItem,
  ) {
    this.settings = readSettings();
    this.reportSettingProblems();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  registerListeners(): void {
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics(() => this.updateStatus()),
      vscode.workspace.onDidChangeConfiguration((event) => this.onConfigurationChanged(event)),
    );
  }

  private reportSettingProblems(): void {
    const text = this.settings.problems.join('\n');
    if (text === this.lastReportedProblems) return;
    this.lastReportedProblems = text;
    for (const problem of this.settings.problems) {
      this.output.warn(problem);
    }
    if (this.settings.problems.length > 0) {
      const first = this.settings.problems[0];
      const more = this.settings.problems.length > 1 ? ` (and ${this.settings.problems.length - 1} more in the Stowage output)` : '';
      void vscode.window.showWarningMessage(`Stowage settings: ${first}${more}`, 'Open Settings', 'Show Output').then((choice) => {
        if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'stowage');
        if (choice === 'Show Output') this.output.show(true);
      });
    }
  }

  private async onConfigurationChanged(event: vscode.ConfigurationChangeEvent): Promise<void> {
    if (!event.affectsConfiguration('stowage')) return;
    this.settings = readSettings();
    this.reportSettingProblems();
    if (event.affectsConfiguration('stowage.java.home')) {
      this.output.info('stowage.java.home changed; restarting the language server.');
      await this.restart();
      return;
    }
    if (event.affectsConfiguration('stowage.severity')) this.reapplySeverities();
    if (this.client?.isRunning()) {
      await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { stowage: this.settings.server } });
    }
  }

  private reapplySeverities(): void {
    const collection = this.client?.diagnostics;
    if (!collection) return;
    for (const { uri, diagnostics } of this.rawDiagnostics.values()) {
      collection.set(uri, this.applySeverities(diagnostics));
    }
  }

  private applySeverities(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
    return applySeverities(diagnostics, this.settings.severities, toVscodeSeverity, withSeverity);
  }

  private setState(state: ServerState, detail = ''): void {
    this.state = state;
    this.stateDetail = detail;
    this.updateStatus();
  }

  private updateStatus(): void {
    const findings = countFindings(vscode.languages.getDiagnostics().flatMap(([, diagnostics]) => diagnostics));
    const item = this.statusItem;
    item.command = COMMANDS.showOutput;
    item.backgroundColor = undefined;
    switch (this.state) {
      case 'starting':
        item.text = '$(sync~spin) Stowage';
        item.tooltip = 'Stowage: starting the language server…';
        break;
      case 'running':
        item.text = findings === 0 ? '$(check) Stowage' : `$(warning) Stowage: ${findings}`;
        item.tooltip = `Stowage: language server running; ${findings} finding${findings === 1 ? "" : "s"} in Problems. Click for the output.`;
        break;
      case 'stopped':
        item.text = '$(circle-slash) Stowage';
        item.tooltip = 'Stowage: language server stopped. Run "Stowage: Restart Language Server" to start it.';
        break;
      case 'failed':
        item.text = '$(error) Stowage';
        item.tooltip = `Stowage: language server not running: ${this.stateDetail}`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
    }
    item.show();
  }

  private locateJdk(): FoundJdk | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const setting = vscode.workspace.getConfiguration('stowage', folder?.uri).get<string | null>('java.home');
    const result = findJdk({ settingJavaHome: setting, env: process.env, minimumFeature: MINIMUM_JDK_FEATURE });
    for (const verdict of result.examined) {
      this.output.info(`JDK candidate ${verdict.source}: ${verdict.home} → ${verdict.problem ?? `Java ${verdict.version}, usable`}`);
    }
    if (!result.jdk) {
      const message = describeFailure(result, MINIMUM_JDK_FEATURE);
      this.output.error(message);
      this.setState('failed', `no JDK ${MINIMUM_JDK_FEATURE}+ found`);
      void vscode.window.showErrorMessage(message, 'Open Settings', 'Show Output').then((choice) => {
        if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'stowage.java.home');
        if (choice === 'Show Output') this.output.show(true);
      });
      return undefined;
    }
    for (const warning of skippedUserChoices(result)) {
      this.output.warn(warning);
      void vscode.window.showWarningMessage(`Stowage: ${warning}`);
    }
    this.output.info(`Using Java ${result.jdk.version} from ${result.jdk.source}: ${result.jdk.home}`);
    return result.jdk;
  }

  async start(): Promise<void> {
    if (this.client) return;
    this.setState('starting');
    const jdk = this.locateJdk();
    if (!jdk) return;
    const jar = bundledServerJar(this.context.extensionPath);
    const jarProblem = checkServerJar(jar);
    if (jarProblem) {
      this.output.error(jarProblem);
      this.setState('failed', jarProblem);
      void vscode.window.showErrorMessage(`Stowage: ${jarProblem}`);
      return;
    }
    const { command, args } = serverCommand(jdk.javaExecutable, jar);
    this.output.info(`Starting the language server: ${command} ${args.join(' ')}`);
    const serverOptions: ServerOptions = {
      run: { command, args, transport: TransportKind.stdio },
      debug: { command, args, transport: TransportKind.stdio },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'java' },
        { scheme: 'untitled', language: 'java' },
      ],
      outputChannel: this.output,
      initializationOptions: { ...this.settings.server, pushDiagnostics: true },
      diagnosticCollectionName: CLIENT_ID,
      middleware: {
        handleDiagnostics: (uri, diagnostics, next) => {
          this.rawDiagnostics.set(uri.toString(), { uri, diagnostics });
          next(uri, this.applySeverities(diagnostics));
        },
        // One channel for diagnostics: the server pushes (we ask for it with pushDiagnostics), because
        // only pushed diagnostics reach files that are not open (workspace analysis). VS Code's client
        // also offers pull; answering its pulls with an empty report keeps every finding from being
        // listed twice, and costs the server nothing (the pull never reaches it).
        provideDiagnostics: () => ({ kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] }),
        workspace: {
          // Answer the server's workspace/configuration requests with the validated settings.
          configuration: async (params, token, next) => {
            const answers = await next(params, token);
            if (!Array.isArray(answers)) return answers;
            return params.items.map((item, index) => {
              if (item.section === 'stowage') return this.settings.server;
              if (item.section === 'stowage.classpath') return this.settings.server.classpath;
              if (item.section === 'stowage.severity' || item.section === 'stowage.severities') return this.settings.server.severities;
              return answers[index];
            });
          },
        },
      },
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    this.client = client;
    keepServerCommandsFromShadowingOurs(client);
    client.onDidChangeState((event) => {
      if (this.client !== client) return; // an old client, being replaced by a restart
      if (event.newState === State.Running) this.setState('running');
      else if (event.newState === State.Starting) this.setState('starting');
      // Stopped without being asked to: the server exited or failed to start (the client gives up
      // after a few restarts); the output has its stderr.
      else this.setState('failed', 'the server process stopped; see the Stowage output for its messages');
    });
    try {
      await client.start();
      const info = client.initializeResult?.serverInfo;
      this.output.info(`Language server running${info ? `: ${info.name} ${info.version ?? ''}` : ''}.`);
      this.setState('running');
    } catch (error) {
      if (this.client !== client) return;
      const message = error instanceof Error ? error.message : String(error);
      this.output.error(`The language server did not start: ${message}`);
      // vscode-languageclient has already shown the error (with a button to the output).
      this.setState('failed', message);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.rawDiagnostics.clear();
    if (client) {
      try {
        await client.stop(10_000);
      } catch (error) {
        this.output.warn(`Stopping the language server: ${error instanceof Error ? error.message : String(error)}`);
      }
      await client.dispose().catch(() => undefined);
    }
    this.setState('stopped');
  }

  async restart(): Promise<void> {
    this.output.info('Restarting the language server.');
    await this.stop();
    await this.start();
  }

  async analyzeWorkspace(): Promise<void> {
    if (!this.client || !this.client.isRunning()) {
      void vscode.window.showErrorMessage('Stowage: the language server is not running; see the Stowage output.', 'Show Output').then((choice) => {
        if (choice === 'Show Output') this.output.show(true);
      });
      return;
    }
    const commands = this.client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    const command = commands.find((name) => ANALYZE_WORKSPACE_COMMAND.test(name));
    if (!command) {
      const offered = commands.length === 0 ? 'none' : commands.join(', ');
      void vscode.window.showErrorMessage(`Stowage: this language server offers no workspace analysis command (its commands: ${offered}).`);
      return;
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString());
    this.output.info(`Analyzing the workspace (${command}).`);
    try {
      const result = await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: folders });
      this.output.info(`Workspace analysis finished${result === undefined || result === null ? '' : `: ${JSON.stringify(result)}`}.`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.output.error(`Workspace analysis failed: ${message}`);
      void vscode.window.showErrorMessage(`Stowage: workspace analysis failed: ${message}`);
    }
  }

  showOutput(): void {
    this.output.show(true);
  }
}

/**
 * vscode-languageclient registers every command the server lists in `executeCommandProvider` as a
 * VS Code command. The server offers `stowage.analyzeWorkspace`, which this extension registers
 * itself (so that it works, with a clear message, while the server is down); registering it twice
 * would make the client fail to start. So the client's registration skips our own command ids.
 */
function keepServerCommandsFromShadowingOurs(client: LanguageClient): void {
  type CommandRegistration = { id: string; registerOptions: { commands?: string[] } };
  const feature = client.getFeature(ExecuteCommandRequest.method) as unknown as { register(data: CommandRegistration): void } | undefined;
  if (!feature || typeof feature.register !== 'function') return;
  const register = feature.register.bind(feature);
  feature.register = (data) => register({
    ...data,
    registerOptions: { ...data.registerOptions, commands: (data.registerOptions.commands ?? []).filter((command) => !OWN_COMMAND_IDS.has(command)) },
  });
}

let extension: StowageExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // vscode-languageclient 11 logs through a LogOutputChannel (`{ log: true }`).
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const statusItem = vscode.window.createStatusBarItem('stowage.status', vscode.StatusBarAlignment.Left, 10);
  statusItem.name = 'Stowage';
  const instance = new StowageExtension(context, output, statusItem);
  extension = instance;
  context.subscriptions.push(
    output,
    statusItem,
    instance,
    vscode.commands.registerCommand(COMMANDS.analyzeWorkspace, () => instance.analyzeWorkspace()),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => instance.restart()),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => instance.showOutput()),
  );
  instance.registerListeners();
  output.info(`Stowage ${context.extension.packageJSON.version as string} activating.`);
  await instance.start();
}

export async function deactivate(): Promise<void> {
  await extension?.stop();
  extension = undefined;
}
