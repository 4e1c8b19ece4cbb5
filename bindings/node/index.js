'use strict';
// smslint for Node: the offline SMS/MMS linter as a library. The work is
// done by the C++ library through a Node-API addon (smslint.node); this file
// is the public API (index.d.ts types it; README, "Node").
//
// Where the addon is loaded from, first found wins:
//   1. $SMSLINT_NODE_ADDON, a path to smslint.node (an error if missing);
//   2. smslint.node next to this file: the build tree (meson copies this
//      package to build/bindings/node/ beside the addon it builds), or a
//      package directory the addon was copied into;
//   3. ../../build/bindings/node/smslint.node: this file in the source
//      tree, with the default build directory.
const fs = require('fs');
const path = require('path');
const { ConfigError, LintError, RANK } = require('./errors');
const { optionsToToml, toConfigError } = require('./options_toml');
const { makeCheckedCreate } = require('./checked_create');

function loadAddon() {
  const fromEnv = process.env.SMSLINT_NODE_ADDON;
  if (fromEnv) return require(path.resolve(fromEnv));
  const candidates = [
    path.join(__dirname, 'smslint.node'),
    path.join(__dirname, '..', '..', 'build', 'bindings', 'node', 'smslint.node'),
  ];
  for (const file of candidates) {
    if (fs.existsSync(file)) return require(file);
  }
  throw new Error('smslint: the native addon smslint.node was not found (looked at ' +
                  candidates.join(', ') + '); build it with meson (-Dnode=enabled) ' +
                  'or set SMSLINT_NODE_ADDON');
}

const addon = loadAddon();

// A message as the JSON the library decodes (docs/input.md: smslint's,
// REST and twilio-node's spellings). Like twilio-node, a Date becomes ISO
// 8601 without milliseconds ("2026-12-03T06:00:00Z"); a BigInt its digits.
function messageJson(message) {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    throw new TypeError('smslint: a message must be an object ({to, from, body, ...})');
  }
  let copy = null;
  for (const key in message) {
    const v = message[key];
    if (v instanceof Date || typeof v === 'bigint') {
      if (copy === null) copy = { ...message };
      copy[key] = typeof v === 'bigint' ? v.toString()
        : v.toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
  }
  const json = JSON.stringify(copy === null ? message : copy);
  // JSON.stringify writes a lone surrogate as an escape ("\ud800"), which
  // is not valid JSON text to the decoder; on the wire (form encoding)
  // twilio-node sends U+FFFD for it, and so does this (rare, so checked
  // on the output).
  return LONE_SURROGATE_ESCAPE.test(json) ? JSON.stringify(copy === null ? message : copy, wellFormed)
    : json;
}

const LONE_SURROGATE_ESCAPE = /\\ud[89a-f][0-9a-f]{2}/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function wellFormed(key, value) {
  return typeof value === 'string' ? value.replace(LONE_SURROGATE, '\ufffd') : value;
}

// `ok`: no error-level finding. Not enumerable, so that the report stays
// equal to the JSON report (and JSON.stringify(report) is that JSON).
function withOk(report) {
  Object.defineProperty(report, 'ok', {
    value: report.summary.errors === 0, enumerable: false, writable: false,
  });
  return report;
}

function threadPoolSize() {
  const n = Number.parseInt(process.env.UV_THREADPOOL_SIZE, 10);
  return Number.isFinite(n) && n > 0 ? n : 4;
}

let benchNative;
const SEVERITY_NAMES = ['info', 'warning', 'error'];

/** An immutable, thread-safe linter built once from options. */
class Linter {
  #native;

  constructor(options) {
    const t = optionsToToml(options);
    try {
      this.#native = new addon.NativeLinter(t.configText, t.optionsText, t.fastNumbers);
    } catch (e) {
      if (e && e.code === 'ERR_SMSLINT_CONFIG') throw toConfigError(e, t.lines);
      throw e;
    }
  }

  /** The report of one message (twilio-node's create() params work as they are). */
  lint(message) {
    return withOk(JSON.parse(this.#native.lint(messageJson(message))));
  }

  /**
   * The highest severity lint() would report ('error', 'warning', 'info',
   * or null for none), without building the report object: much cheaper.
   */
  maxSeverity(message) {
    return SEVERITY_NAMES[this.#native.maxSeverity(messageJson(message))] ?? null;
  }

  /** True when lint(message).ok would be: no error-level finding. */
  isSendable(message) {
    return this.#native.maxSeverity(messageJson(message)) < RANK.error;
  }

  /** The report of one message given as JSON text. */
  lintJson(json) {
    if (typeof json !== 'string') throw new TypeError('smslint: lintJson takes a string');
    return withOk(JSON.parse(this.#native.lint(json)));
  }

  /** lint() on the libuv thread pool. */
  async lintAsync(message) {
    const text = await this.#native.lintBatch(messageJson(message));
    return withOk(JSON.parse(text)[0]);
  }

  /**
   * The reports of many messages, in order, linted on the libuv thread pool
   * (UV_THREADPOOL_SIZE threads, 4 by default) in chunks.
   */
  async lintMany(messages) {
    const lines = Array.from(messages, messageJson);
    if (lines.length === 0) return [];
    const chunk = Math.min(512, Math.max(1, Math.ceil(lines.length / (threadPoolSize() * 8))));
    const pending = [];
    for (let i = 0; i < lines.length; i += chunk) {
      pending.push(this.#native.lintBatch(lines.slice(i, i + chunk).join('\n')));
    }
    const reports = [];
    for (const text of await Promise.all(pending)) {
      for (const report of JSON.parse(text)) reports.push(withOk(report));
    }
    return reports;
  }

  /** The body's segment count with this Linter's settings (cheap: no report). */
  segmentCount(body) {
    return this.#native.segmentCount(body);
  }

  static {
    // For bench/node_bench.js: native timings of the same message.
    benchNative = (linter, json, n) => linter.#native.benchNative(json, n);
  }
}

/** The segment calculator alone (smslint segments --format json). */
function segments(body, options = {}) {
  if (typeof body !== 'string') throw new TypeError('smslint: segments takes a string body');
  return JSON.parse(addon.segments(body, Boolean(options && options.smartEncoding)));
}

/** Every rule (smslint rules --format json, plus message and docs). */
function rules() {
  return addon.rules();
}

let defaultLinter = null;
const checkedCreate = makeCheckedCreate(() => {
  if (defaultLinter === null) defaultLinter = new Linter();
  return defaultLinter;
}, Linter);

module.exports = {
  Linter,
  ConfigError,
  LintError,
  segments,
  rules,
  checkedCreate,
  version: addon.version,
  reportFormatVersion: addon.reportFormatVersion,
  severityRank: RANK,
};
// Not public API.
Object.defineProperty(module.exports, '_benchNative', { value: benchNative, enumerable: false });
