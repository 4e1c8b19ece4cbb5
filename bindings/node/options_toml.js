'use strict';
// A Linter's options object (camelCase, mirroring smslint::Options and the
// TOML configuration of docs/config.md) as TOML text, one option per line,
// for the library's own config reader (LoadConfigString): the library
// checks every value, and its errors name the TOML key, mapped back here to
// the option's name.
const { ConfigError } = require('./errors');

// option -> TOML key. Lists add to those of `config`; the rest replace.
const OPTIONS = {
  maxSegments: 'lint.max_segments',
  maxBodyCharacters: 'lint.max_body_characters',
  suggestSmartEncoding: 'lint.suggest_smart_encoding',
  defaultRegion: 'lint.default_region',
  disabledRules: 'lint.disable',
  severityOverrides: 'lint.severity',
  brand: 'content.brand',
  ownedDomains: 'content.owned_domains',
  extraShorteners: 'content.extra_shorteners',
  weights: 'content.weights',
  elevatedThreshold: 'content.elevated_threshold',
  highThreshold: 'content.high_threshold',
  mediaRoot: 'media.root',
  now: 'lint.now',  // an ISO 8601 string with a zone, or a Date
};
// Options that are not TOML settings.
const OTHER = new Set(['config', 'fastNumbers']);
const BY_TOML_KEY = new Map(Object.entries(OPTIONS).map(([k, v]) => [v, k]));

function fail(key, reason) {
  return new ConfigError(`smslint: ${key}: ${reason}`, {
    key, configKey: OPTIONS[key] || '', source: 'options', line: 0, column: 0, reason,
  });
}

// A TOML basic string: JSON's escapes are TOML's, but TOML also wants DEL
// escaped.
function tomlString(s) {
  return JSON.stringify(s).replace(/\x7f/g, '\\u007f');
}

function tomlValue(v, key) {
  switch (typeof v) {
    case 'string': return tomlString(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'bigint': return v.toString();
    case 'number':
      if (Number.isNaN(v)) return 'nan';
      if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
      return String(v);  // "4", "0.5", "1e+21": TOML integers and floats
    case 'object':
      if (v === null) break;
      if (v instanceof Date) {
        if (Number.isNaN(v.getTime())) break;
        return tomlString(v.toISOString().replace(/\.\d{3}Z$/, 'Z'));
      }
      if (Array.isArray(v)) return '[' + v.map((x) => tomlValue(x, key)).join(', ') + ']';
      if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
        return '{ ' + Object.entries(v).map(([k, x]) => `${tomlString(k)} = ${tomlValue(x, key)}`)
          .join(', ') + ' }';
      }
      if (v instanceof Map) return tomlValue(Object.fromEntries(v), key);
      break;
    default:
      break;
  }
  throw fail(key, `cannot be ${v === null ? 'null inside a value' : typeof v}`);
}

function camelOf(snake) {
  return snake.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
}

/**
 * options -> { configText, optionsText, fastNumbers, lines } where lines[i]
 * is the option on line i + 1 of optionsText.
 */
function optionsToToml(options) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('smslint: Linter options must be an object');
  }
  const lines = [];
  const text = [];
  let configText = null;
  let fastNumbers = true;
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null) continue;
    if (key === 'config') {
      if (typeof value !== 'string') throw fail(key, 'must be TOML text (a string)');
      configText = value;
    } else if (key === 'fastNumbers') {
      if (typeof value !== 'boolean') throw fail(key, 'must be true or false');
      fastNumbers = value;
    } else if (Object.hasOwn(OPTIONS, key)) {
      text.push(`${OPTIONS[key]} = ${tomlValue(value, key)}`);
      lines.push(key);
    } else {
      const camel = camelOf(key);
      const hint = camel !== key && (Object.hasOwn(OPTIONS, camel) || OTHER.has(camel))
        ? `; did you mean ${camel}?` : '';
      throw fail(key, `unknown option${hint} (known: ${[...Object.keys(OPTIONS), ...OTHER].join(', ')})`);
    }
  }
  return { configText, optionsText: text.length ? text.join('\n') + '\n' : null, fastNumbers, lines };
}

/** The native ERR_SMSLINT_CONFIG error as a ConfigError naming the option. */
function toConfigError(e, lines) {
  const configKey = e.key || '';
  let key = configKey;
  if (e.source === 'options') {
    // "lint.severity.x/y" belongs to the option of "lint.severity".
    for (const [tomlKey, option] of BY_TOML_KEY) {
      if (configKey === tomlKey || configKey.startsWith(tomlKey + '.')) key = option;
    }
    if ((!key || key === configKey) && e.line > 0 && lines[e.line - 1]) key = lines[e.line - 1];
  } else if (!key) {
    key = 'config';
  }
  const where = e.source === 'config' && e.line > 0 ? `config:${e.line}:${e.column}: ` : '';
  const named = key === configKey || !configKey ? key : `${key} (${configKey})`;
  return new ConfigError(`smslint: ${where}${named}: ${e.reason}`, {
    key,
    configKey,
    source: e.source,
    line: e.source === 'config' ? e.line : 0,
    column: e.source === 'config' ? e.column : 0,
    reason: e.reason,
  });
}

module.exports = { optionsToToml, toConfigError, OPTIONS };
