'use strict';
// checkedCreate: the send-path guard. Lints twilio-node's create() params
// and calls client.messages.create(params) only when nothing at or above
// failOn was found; needs no twilio import (any object with
// messages.create works, so tests use a fake client).
const { LintError, RANK } = require('./errors');

function makeCheckedCreate(getDefaultLinter, Linter) {
  return async function checkedCreate(client, params, { linter, failOn = 'error' } = {}) {
    if (!Object.hasOwn(RANK, failOn)) {
      throw new TypeError(`smslint: failOn must be "error", "warning" or "info", not ${String(failOn)}`);
    }
    if (!client || !client.messages || typeof client.messages.create !== 'function') {
      throw new TypeError('smslint: checkedCreate needs a Twilio client (client.messages.create)');
    }
    if (linter !== undefined && !(linter instanceof Linter)) {
      throw new TypeError('smslint: options.linter must be a smslint Linter');
    }
    const l = linter || getDefaultLinter();
    // The cheap question first; the report only for a message refused.
    const max = l.maxSeverity(params);
    if (max !== null && RANK[max] >= RANK[failOn]) throw new LintError(l.lint(params), failOn);
    return client.messages.create(params);
  };
}

module.exports = { makeCheckedCreate };
