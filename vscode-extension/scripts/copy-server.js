#!/usr/bin/env node
// Copies the language server's runnable jar into server/stowage-lsp.jar, where the extension looks
// for it and from where `vsce package` puts it into the .vsix.
//   node scripts/copy-server.js [path/to/server.jar]
// Without an argument (or STOWAGE_SERVER_JAR), it takes the runnable jar in ../lsp-server/target:
// the one whose manifest names a Main-Class (the shaded jar), not -sources/-javadoc/original- jars.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const extensionDir = path.resolve(__dirname, '..');
const targetDir = path.resolve(extensionDir, '..', 'lsp-server', 'target');
const destination = path.join(extensionDir, 'server', 'stowage-lsp.jar');

function fail(message) {
  console.error(`copy-server: ${message}`);
  process.exit(1);
}

/** The text of META-INF/MANIFEST.MF inside a jar (zip), read with the central directory. */
function manifestOf(jar) {
  const data = fs.readFileSync(jar);
  const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return undefined;
  const entries = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (data.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localHeader = data.readUInt32LE(offset + 42);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (name === 'META-INF/MANIFEST.MF') {
      const localNameLength = data.readUInt16LE(localHeader + 26);
      const localExtraLength = data.readUInt16LE(localHeader + 28);
      const start = localHeader + 30 + localNameLength + localExtraLength;
      const raw = data.subarray(start, start + compressedSize);
      return (method === 8 ? zlib.inflateRawSync(raw) : raw).toString('utf8');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

function findServerJar() {
  if (!fs.existsSync(targetDir)) {
    fail(`${targetDir} does not exist: build the language server first (./build -pl lsp-server -am package -DskipTests), or pass the jar's path`);
  }
  const jars = fs.readdirSync(targetDir)
    .filter((name) => name.endsWith('.jar'))
    .filter((name) => !/-(sources|javadoc|tests)\.jar$/.test(name) && !name.startsWith('original-'));
  const runnable = jars.filter((name) => /^Main-Class:/m.test(manifestOf(path.join(targetDir, name)) ?? ''));
  if (runnable.length === 0) {
    fail(`no runnable jar (with a Main-Class) in ${targetDir}; found: ${jars.join(', ') || 'no jars'}. Build lsp-server with ./build -pl lsp-server -am package -DskipTests`);
  }
  if (runnable.length > 1) {
    // Prefer the largest: the shaded jar with every dependency inside.
    runnable.sort((a, b) => fs.statSync(path.join(targetDir, b)).size - fs.statSync(path.join(targetDir, a)).size);
  }
  return path.join(targetDir, runnable[0]);
}

const source = process.argv[2] ?? process.env.STOWAGE_SERVER_JAR ?? findServerJar();
if (!fs.existsSync(source)) fail(`${source} does not exist`);
if (!/^Main-Class:/m.test(manifestOf(source) ?? '')) fail(`${source} has no Main-Class in its manifest; it cannot be started with java -jar`);
fs.mkdirSync(path.dirname(destination), { recursive: true });
fs.copyFileSync(source, destination);
console.log(`copy-server: ${path.relative(extensionDir, source)} -> ${path.relative(extensionDir, destination)} (${fs.statSync(destination).size} bytes)`);
