/**
 * How the bundled language server is started. Plain Node (no `vscode` import).
 *
 * @example
 *   const { command, args } = serverCommand(jdk.javaExecutable, bundledServerJar(context.extensionPath), [heapArgument('1g')]);
 *   // java -Xmx1g -jar …/server/stowage-lsp.jar
 *   // javac's internals are opened to the checker by the jar's manifest (Add-Exports, Add-Opens,
 *   // Enable-Native-Access), which `java -jar` applies: no JVM flags needed here.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Where `npm run copy-server` puts the server jar inside the extension (and so the .vsix). */
export const BUNDLED_JAR = path.join('server', 'stowage-lsp.jar');

export function bundledServerJar(extensionPath: string): string {
  return path.join(extensionPath, BUNDLED_JAR);
}

/** The server's heap bound when the user sets none (the same as lsp-server/bin/stowage-lsp's default). */
export const DEFAULT_MAX_HEAP = '1g';

/** `-Xmx…` for a validated heap size ("1g", "2048m"); see settings.ts parseMaxHeap. */
export function heapArgument(maxHeap: string): string {
  if (!/^[0-9]+[mMgG]$/.test(maxHeap)) throw new Error(`not a heap size: ${JSON.stringify(maxHeap)}`);
  return `-Xmx${maxHeap}`;
}

export interface ServerCommand {
  readonly command: string;
  readonly args: string[];
}

export function serverCommand(javaExecutable: string, jarPath: string, extraVmArgs: readonly string[] = []): ServerCommand {
  return { command: javaExecutable, args: [...extraVmArgs, '-jar', jarPath] };
}

/** Why the bundled jar cannot be used, or undefined when it is there. */
export function checkServerJar(jarPath: string): string | undefined {
  try {
    if (fs.statSync(jarPath).isFile()) return undefined;
    return `the Stowage language server ${jarPath} is not a file`;
  } catch {
    return `the Stowage language server jar is missing from the extension (${jarPath}); the .vsix was built without it — rebuild with ./build package`;
  }
}
