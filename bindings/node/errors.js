'use strict';
// The errors the package throws: ConfigError (bad Linter options) and
// LintError (checkedCreate refused to send).

/** A Linter option or configuration text smslint refuses. */
class ConfigError extends Error {
  constructor(message, fields) {
    super(message);
    // The option as the caller wrote it ("maxSegments", or "config" for a
    // problem in the TOML text without a key).
    this.key = fields.key;
    // The TOML key ("lint.max_segments"; "" for a syntax error).
    this.configKey = fields.configKey;
    // "options" (the options object) or "config" (options.config's text).
    this.source = fields.source;
    this.line = fields.line;      // in options.config's text; 0 when unknown
    this.column = fields.column;
    this.reason = fields.reason;  // what is wrong, without the key
  }
}
ConfigError.prototype.name = 'ConfigError';

const RANK = { info: 0, warning: 1, error: 2 };

/** checkedCreate refused a message: `report` says why. */
class LintError extends Error {
  constructor(report, failOn) {
    const blocking = report.diagnostics.filter((d) => RANK[d.severity] >= RANK[failOn]);
    const ids = [...new Set(blocking.map((d) => d.rule_id))];
    super(`smslint: message not sent: ${blocking.length} finding(s) at or above ` +
          `${failOn}: ${ids.join(', ')}` +
          (blocking.length ? ` (${blocking[0].field}: ${blocking[0].message})` : ''));
    this.report = report;
    this.failOn = failOn;
    this.diagnostics = blocking;
  }
}
LintError.prototype.name = 'LintError';

module.exports = { ConfigError, LintError, RANK };
