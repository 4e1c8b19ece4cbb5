'use strict';
// lint() returns the CLI's report, whatever spelling the message uses.
const test = require('node:test');
const assert = require('node:assert/strict');
const { smslint, cliReports, plain } = require('./helpers');
const { Linter } = smslint;

// Messages a send path might lint: twilio-node params, REST names, smslint
// names, broken ones.
const messages = [
  { to: '+14155550132', from: '+14155550100', body: 'hi' },
  { to: '+14155550132', from: '+14155550100', body: 'Hi Sam, it’s Acme Dental: your cleaning is on Tue 14 May at 9:30. Reply STOP to opt out' },
  { to: '+447700900123', messagingServiceSid: 'MG' + '0'.repeat(32), mediaUrl: ['https://example.com/a.png'],
    statusCallback: 'https://example.com/cb', validityPeriod: 3600, scheduleType: 'fixed',
    sendAt: '2026-12-24T10:00:00Z', body: 'FREE CASH NOW!!! click http://1.2.3.4/x' },
  { To: '+14155550132', From: '+14155550100', Body: 'REST spelling', MediaUrl: 'https://example.com/b.jpg',
    ValidityPeriod: '600' },
  { to: '+14155550132', from: '+14155550100', messaging_service_id: 'MG' + '1'.repeat(32), body: 'both senders' },
  { to: 'not a number', body: '' },
  { id: 7, to: '+14155550132', from: '+14155550100', body: 'x'.repeat(1700), colour: 'blue' },
  { to: '+14155550132', from: '+14155550100', validityPeriod: '1h', body: 'wrong type' },
];

test('each report equals smslint check --format jsonl (minus "line")', () => {
  const linter = new Linter();
  const expected = cliReports(messages.map((m) => JSON.stringify(m)));
  assert.equal(expected.length, messages.length);
  messages.forEach((m, i) => {
    // Input findings name the CLI's input line; lint() of one message is
    // line 1 (exact equality for that case: the next test).
    for (const d of expected[i].diagnostics) {
      if (d.field === 'input' && d.args.line === String(i + 1)) {
        d.args.line = '1';
        d.message = d.message.replace(` on line ${i + 1}`, ' on line 1');
      }
    }
    const r = linter.lint(m);
    assert.deepStrictEqual(plain(r), expected[i], `message ${i}`);
    assert.equal(r.ok, expected[i].summary.errors === 0, `ok of message ${i}`);
  });
});

test('a message with a finding that names its line: line 1, as alone in a file', () => {
  // input/duplicate-field names the line the CLI read it from; lint() of
  // one message is line 1.
  const m = { to: '+14155550132', from: '+14155550100', To: '+14155550133', body: 'duplicate field' };
  const [expected] = cliReports([JSON.stringify(m)]);
  const r = new Linter().lint(m);
  assert.deepStrictEqual(plain(r), expected);
  assert.equal(r.diagnostics[0].rule_id, 'input/duplicate-field');
  assert.equal(r.ok, false);
});

test('options give the same report as the same flags', () => {
  const linter = new Linter({ maxSegments: 2, defaultRegion: 'GB', disabledRules: ['content'] });
  const m = { to: '07700 900123', from: '+14155550100', body: 'y'.repeat(400) + ' WIN BIG' };
  const [expected] = cliReports([JSON.stringify(m)],
    ['--max-segments', '2', '--default-region', 'GB', '--disable', 'content']);
  assert.deepStrictEqual(plain(linter.lint(m)), expected);
});

test('twilio-node, REST and smslint spellings decode alike', () => {
  const linter = new Linter();
  const node = linter.lint({ to: '+14155550132', from: '+14155550100', body: 'hi',
                             mediaUrl: 'https://example.com/a.png', statusCallback: 'https://e.com/s',
                             validityPeriod: 60, messagingServiceSid: undefined });
  const rest = linter.lint({ To: '+14155550132', From: '+14155550100', Body: 'hi',
                             MediaUrl: 'https://example.com/a.png', StatusCallback: 'https://e.com/s',
                             ValidityPeriod: '60' });
  const own = linter.lint({ to: '+14155550132', from: '+14155550100', body: 'hi',
                            media_url: 'https://example.com/a.png', status_callback: 'https://e.com/s',
                            validity_period: 60 });
  assert.deepStrictEqual(plain(node), plain(rest));
  assert.deepStrictEqual(plain(node), plain(own));
  assert.ok(!node.diagnostics.some((d) => d.field === 'input'), JSON.stringify(node.diagnostics));
  // A media URL to a UK number: mms/unsupported-country, so mediaUrl was read.
  const uk = linter.lint({ to: '+447911123456', from: '+14155550100', body: 'pic', mediaUrl: ['https://e.com/a.png'] });
  assert.ok(uk.diagnostics.some((d) => d.rule_id === 'mms/unsupported-country'));
  // Two spellings of one field: input/duplicate-field, an error.
  const dup = linter.lint({ messagingServiceSid: 'MG' + '0'.repeat(32), MessagingServiceSid: 'MG' + '0'.repeat(32),
                            to: '+14155550132', body: 'hi' });
  assert.ok(dup.diagnostics.some((d) => d.rule_id === 'input/duplicate-field'));
  assert.equal(dup.ok, false);
});

test('a Date sendAt is serialised as twilio-node does', () => {
  const linter = new Linter();
  const at = new Date(Date.UTC(2026, 11, 24, 10, 0, 0, 123));
  const withDate = linter.lint({ to: '+14155550132', from: '+14155550100', body: 'hi', sendAt: at, scheduleType: 'fixed' });
  const withText = linter.lint({ to: '+14155550132', from: '+14155550100', body: 'hi', SendAt: '2026-12-24T10:00:00Z', ScheduleType: 'fixed' });
  assert.deepStrictEqual(plain(withDate), plain(withText));
  assert.ok(!withDate.diagnostics.some((d) => d.field === 'input'));
  assert.throws(() => linter.lint({ body: 'hi', sendAt: new Date(NaN) }), RangeError);
});

test('lintJson takes JSON text; broken JSON is a finding, not an exception', () => {
  const linter = new Linter();
  const r = linter.lintJson('{"to": "+14155550132", "body": ');
  assert.equal(r.diagnostics[0].rule_id, 'input/invalid-json');
  assert.equal(r.ok, false);
  assert.deepStrictEqual(plain(linter.lintJson(JSON.stringify(messages[1]))), plain(linter.lint(messages[1])));
});

test('a lone surrogate is linted as the U+FFFD twilio-node would send', () => {
  const linter = new Linter();
  const base = { to: '+14155550132', from: '+14155550100' };
  for (const [lone, fixed] of [['bad \ud800 x', 'bad \ufffd x'], ['\udc00end', '\ufffdend'],
                               ['ok 😀 \\ud800 text', 'ok 😀 \\ud800 text']]) {
    const r = linter.lint({ ...base, body: lone });
    assert.ok(!r.diagnostics.some((d) => d.field === 'input'), JSON.stringify(r.diagnostics));
    assert.deepStrictEqual(plain(r), plain(linter.lint({ ...base, body: fixed })));
  }
});

test('maxSeverity and isSendable agree with lint()', () => {
  const linter = new Linter();
  const extra = [{ to: '+14155550132', from: '+14155550100', body: 'Hello from Acme, reply STOP to opt out' },
                 { to: '+14155550132', from: '+14155550100', body: 'it’s' }];
  for (const m of [...messages, ...extra]) {
    const r = linter.lint(m);
    const sevs = r.diagnostics.map((d) => d.severity);
    const expected = ['error', 'warning', 'info'].find((s) => sevs.includes(s)) ?? null;
    assert.equal(linter.maxSeverity(m), expected, JSON.stringify(m));
    assert.equal(linter.isSendable(m), r.ok);
  }
  assert.ok(new Set([...messages, ...extra].map((m) => linter.maxSeverity(m))).size >= 3);
});
