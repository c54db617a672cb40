#!/usr/bin/env node
// Runs `npm ci` unless node_modules was already installed from this exact package-lock.json
// (a checksum marker in node_modules): `npm ci` wipes and reinstalls every time, which costs about
// a minute per build on a busy machine. A changed lock file, or a missing node_modules, reinstalls.
'use strict';
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const extensionDir = path.resolve(__dirname, '..');
const lock = path.join(extensionDir, 'package-lock.json');
const marker = path.join(extensionDir, 'node_modules', '.stowage-lock-sha256');
const checksum = crypto.createHash('sha256').update(fs.readFileSync(lock)).digest('hex');

if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === checksum) {
  console.log('npm-ci-if-needed: node_modules matches package-lock.json; not reinstalling');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: extensionDir, stdio: 'inherit' });
if (result.error) {
  console.error(`npm-ci-if-needed: cannot run npm: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(marker, `${checksum}\n`);
