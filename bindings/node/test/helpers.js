'use strict';
// Shared by the tests: the package under test and the CLI to compare with.
// meson sets SMSLINT_NODE_PACKAGE (build/bindings/node) and SMSLINT_BIN.
const path = require('path');
const { execFileSync } = require('child_process');

const packageDir = path.resolve(process.env.SMSLINT_NODE_PACKAGE || path.join(__dirname, '..'));
const smslint = require(packageDir);
const smslintBin = process.env.SMSLINT_BIN ||
  path.join(__dirname, '..', '..', '..', 'build', 'cli', 'smslint');

/** Runs the CLI; returns its stdout (exit 1, findings, is not an error). */
function cli(args, input) {
  try {
    return execFileSync(smslintBin, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    if (e.status === 1) return e.stdout;
    throw e;
  }
}

/** `smslint check --format jsonl` of these JSON lines, minus "line". */
function cliReports(jsonLines, extraArgs = []) {
  const out = cli(['check', '--format', 'jsonl', ...extraArgs, '-'], jsonLines.join('\n') + '\n');
  return out.trim().split('\n').map((l) => {
    const r = JSON.parse(l);
    delete r.line;
    return r;
  });
}

/** A report as the comparison sees it: the JSON report without "line". */
function plain(report) {
  const r = JSON.parse(JSON.stringify(report));
  delete r.line;
  return r;
}

module.exports = { smslint, cli, cliReports, plain };
