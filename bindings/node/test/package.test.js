'use strict';
// The package's files: package.json points at them, and index.d.ts declares
// every export of index.js (no TypeScript compiler needed to check that).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { smslint } = require('./helpers');

const dir = process.env.SMSLINT_NODE_PACKAGE || path.join(__dirname, '..');

test('package.json names existing files and no dependencies', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'smslint');
  assert.ok(fs.existsSync(path.join(dir, pkg.main)));
  assert.ok(fs.existsSync(path.join(dir, pkg.types)));
  assert.deepStrictEqual(pkg.dependencies || {}, {});
  for (const f of pkg.files) {
    if (f !== 'smslint.node') assert.ok(fs.existsSync(path.join(dir, f)), f);
  }
  assert.equal(pkg.version, smslint.version);
});

test('index.d.ts declares every export', () => {
  const dts = fs.readFileSync(path.join(dir, 'index.d.ts'), 'utf8');
  for (const name of Object.keys(smslint)) {
    assert.match(dts, new RegExp(`export (declare )?(function|class|const) ${name}\\b`), name);
  }
  for (const method of Object.getOwnPropertyNames(smslint.Linter.prototype)) {
    if (method !== 'constructor') assert.match(dts, new RegExp(`\\n  ${method}\\(`), method);
  }
});
