'use strict';
// checkedCreate with a fake client: no create() call when blocked.
const test = require('node:test');
const assert = require('node:assert/strict');
const { smslint } = require('./helpers');
const { checkedCreate, LintError, Linter } = smslint;

function fakeClient() {
  const calls = [];
  return {
    calls,
    messages: {
      create(params) {
        calls.push(params);
        return Promise.resolve({ sid: 'SM' + '0'.repeat(32), status: 'queued', to: params.to });
      },
    },
  };
}

const good = { to: '+14155550132', from: '+14155550100', body: 'Your code is 123456' };
const bad = { to: '+14155550132', from: '+14155550100', body: '' };  // body/empty: error
const warned = { to: '+14155550132', from: '+14155550100', body: 'it’s “fancy” — ok' };  // forces-ucs2

test('a clean message is sent and create()s result returned', async () => {
  const client = fakeClient();
  const sent = await checkedCreate(client, good);
  assert.equal(sent.status, 'queued');
  assert.deepStrictEqual(client.calls, [good]);
});

test('an error blocks the call, with the report on the LintError', async () => {
  const client = fakeClient();
  await assert.rejects(checkedCreate(client, bad), (e) => {
    assert.ok(e instanceof LintError);
    assert.equal(e.name, 'LintError');
    assert.equal(e.report.ok, false);
    assert.ok(e.diagnostics.some((d) => d.rule_id === 'body/empty'));
    assert.match(e.message, /body\/empty/);
    return true;
  });
  assert.equal(client.calls.length, 0);
});

test('failOn chooses the lowest blocking severity; linter is used', async () => {
  const client = fakeClient();
  assert.equal((await checkedCreate(client, warned)).status, 'queued');
  await assert.rejects(checkedCreate(client, warned, { failOn: 'warning' }), LintError);
  assert.equal(client.calls.length, 1);
  const lenient = new Linter({ disabledRules: ['body/empty'] });
  await checkedCreate(client, { ...bad, mediaUrl: undefined }, { linter: lenient });
  assert.equal(client.calls.length, 2);
  const strict = new Linter({ severityOverrides: { 'segments/forces-ucs2': 'error' } });
  await assert.rejects(checkedCreate(client, warned, { linter: strict }), LintError);
  assert.equal(client.calls.length, 2);
});

test('misuse is a TypeError and sends nothing', async () => {
  const client = fakeClient();
  await assert.rejects(checkedCreate(client, good, { failOn: 'fatal' }), TypeError);
  await assert.rejects(checkedCreate({}, good), TypeError);
  await assert.rejects(checkedCreate(client, good, { linter: {} }), TypeError);
  await assert.rejects(checkedCreate(client, 'hi'), TypeError);
  assert.equal(client.calls.length, 0);
});

test("create()'s rejection reaches the caller", async () => {
  const client = { messages: { create: () => Promise.reject(new Error('21211 invalid To')) } };
  await assert.rejects(checkedCreate(client, good), /21211/);
});
