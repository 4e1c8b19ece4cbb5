'use strict';
// Linter options: camelCase names, TOML text, and ConfigError naming the key.
const test = require('node:test');
const assert = require('node:assert/strict');
const { smslint } = require('./helpers');
const { Linter, ConfigError } = smslint;

const message = { to: '+14155550132', from: '+14155550100', body: 'x'.repeat(161) };

function configError(options) {
  try {
    new Linter(options);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `not a ConfigError: ${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'ConfigError');
    return e;
  }
  assert.fail(`no ConfigError for ${JSON.stringify(options)}`);
}

test('the README example works', () => {
  const r = new Linter().lint({ to: '+14155550132', from: '+14155550100', body: 'hi' });
  assert.equal(r.ok, true);
  assert.equal(Object.keys(r).includes('ok'), false, 'ok must not be enumerable');
  assert.equal(r.segments.segment_count, 1);
});

test('options change what is found', () => {
  const ids = (r) => r.diagnostics.map((d) => d.rule_id);
  assert.ok(!ids(new Linter().lint(message)).includes('segments/too-many-segments'));
  const strict = new Linter({ maxSegments: 1 });
  assert.ok(ids(strict.lint(message)).includes('segments/too-many-segments'));
  const off = new Linter({ maxSegments: 1, disabledRules: ['segments'] });
  assert.ok(!ids(off.lint(message)).some((id) => id.startsWith('segments/')));
  const raised = new Linter({ maxSegments: 1, severityOverrides: { 'segments/too-many-segments': 'error' } });
  const r = raised.lint(message);
  assert.equal(r.diagnostics.find((d) => d.rule_id === 'segments/too-many-segments').severity, 'error');
  assert.equal(r.ok, false);
  const national = new Linter({ defaultRegion: 'US' }).lint({ to: '(415) 555-0132', body: 'hi' });
  assert.equal(national.to_number.e164, '+14155550132');
  const thresholds = new Linter({ elevatedThreshold: 0.5, highThreshold: 1 });
  assert.equal(thresholds.lint(message).risk.high_threshold, 1);
});

test('config text is read first; options win, lists add', () => {
  const l = new Linter({ config: '[lint]\nmax_segments = 1\ndisable = ["content"]\n', maxSegments: 3,
                         disabledRules: ['to'] });
  const ids = l.lint({ to: 'nonsense', body: 'x'.repeat(400) + ' FREE CASH!!!' })
    .diagnostics.map((d) => d.rule_id);
  assert.ok(!ids.includes('segments/too-many-segments'), 'maxSegments should win over config');
  assert.ok(!ids.some((id) => id.startsWith('content/')), 'config list kept');
  assert.ok(!ids.some((id) => id.startsWith('to/')), 'option list added');
});

test('a bad option value throws ConfigError naming the option', () => {
  let e = configError({ maxSegments: 0 });
  assert.equal(e.key, 'maxSegments');
  assert.equal(e.configKey, 'lint.max_segments');
  assert.match(e.message, /maxSegments/);
  assert.match(e.reason, /between 1 and 1000000/);
  e = configError({ maxSegments: 2.5 });
  assert.equal(e.key, 'maxSegments');
  assert.match(e.reason, /integer/);
  e = configError({ maxSegments: '4' });
  assert.equal(e.key, 'maxSegments');
  e = configError({ disabledRules: ['no/such-rule'] });
  assert.equal(e.key, 'disabledRules');
  assert.match(e.message, /no\/such-rule/);
  e = configError({ severityOverrides: { 'segments/forces-ucs2': 'fatal' } });
  assert.equal(e.key, 'severityOverrides');
  assert.equal(e.configKey, 'lint.severity.segments/forces-ucs2');
  e = configError({ weights: { 'body/empty': 2 } });
  assert.equal(e.key, 'weights');
  e = configError({ elevatedThreshold: 9, highThreshold: 2 });
  assert.equal(e.key, 'elevatedThreshold');
  e = configError({ highThreshold: Infinity });
  assert.equal(e.key, 'highThreshold');
  e = configError({ brand: 'bad \ud800 surrogate' });
  assert.equal(e.key, 'brand');
  e = configError({ mediaRoot: '/no/such/dir/for/smslint' });
  assert.equal(e.key, 'mediaRoot');
  e = configError({ brand: () => 1 });
  assert.equal(e.key, 'brand');
});

test('an unknown option is refused, with a hint for snake_case', () => {
  let e = configError({ maxSegment: 3 });
  assert.equal(e.key, 'maxSegment');
  assert.match(e.message, /unknown option/);
  e = configError({ max_segments: 3 });
  assert.match(e.message, /did you mean maxSegments/);
});

test('errors in config text name the TOML key, line and column', () => {
  let e = configError({ config: '[lint]\nmax_segment = 3\n' });
  assert.equal(e.source, 'config');
  assert.equal(e.key, 'lint.max_segment');
  assert.equal(e.line, 2);
  assert.match(e.message, /^smslint: config:2:\d+: lint\.max_segment: unknown key$/);
  e = configError({ config: '[lint\n' });
  assert.equal(e.key, 'config');
  assert.equal(e.configKey, '');
  assert.equal(e.line, 1);
  e = configError({ config: 42 });
  assert.equal(e.key, 'config');
});

test('options that are not an object are a TypeError', () => {
  assert.throws(() => new Linter('max_segments = 3'), TypeError);
  assert.throws(() => new Linter([1]), TypeError);
});

test('lint refuses what is not a message; undefined and null fields are absent', () => {
  const l = new Linter();
  assert.throws(() => l.lint('hi'), TypeError);
  assert.throws(() => l.lint(null), TypeError);
  assert.throws(() => l.lint([{ body: 'hi' }]), TypeError);
  const r = l.lint({ to: '+14155550132', from: undefined, messagingServiceSid: null, body: 'hi' });
  assert.equal(r.from_number, null);
  assert.ok(!r.diagnostics.some((d) => d.field === 'input'));
});

test('native methods refuse a foreign this', () => {
  const l = new Linter();
  assert.throws(() => Linter.prototype.lint.call({}, { body: 'hi' }), TypeError);
  assert.equal(l.segmentCount('x'.repeat(161)), 2);
});

test('now pins the scheduling rules (string or Date)', () => {
  const scheduled = {
    to: '+14155550132', from: '+14155550100', body: 'hi', sendAt: '2030-01-02T03:04:05Z',
    scheduleType: 'fixed', messagingServiceSid: 'MG' + '0'.repeat(32),
  };
  const asText = new Linter({ now: '2030-01-01T03:04:05Z' }).lint(scheduled);
  const asDate = new Linter({ now: new Date(Date.UTC(2030, 0, 1, 3, 4, 5)) }).lint(scheduled);
  assert.equal(asText.ok, true, JSON.stringify(asText.diagnostics));
  assert.deepEqual(asDate, asText);
  // A year earlier, send_at is outside Twilio's 35-day window.
  const early = new Linter({ now: '2029-01-01T00:00:00Z' }).lint(scheduled);
  assert.ok(early.diagnostics.some((d) => d.rule_id === 'schedule/send-at-outside-window'));
  assert.equal(configError({ now: 'tomorrow' }).key, 'now');
});
