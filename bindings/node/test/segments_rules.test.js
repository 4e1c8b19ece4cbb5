'use strict';
// segments(), rules(), version: the same answers as the CLI.
const test = require('node:test');
const assert = require('node:assert/strict');
const { smslint, cli } = require('./helpers');

test('segments() equals smslint segments --format json', () => {
  for (const body of ['hello', 'x'.repeat(161), 'it’s “quoted”', 'emoji 😀 '.repeat(20), 'a\r\nb\nc', '']) {
    for (const smart of [false, true]) {
      const args = ['segments', '--format', 'json', ...(smart ? ['--smart-encoding'] : []), '-'];
      const expected = JSON.parse(cli(args, body + '\n'));
      assert.deepStrictEqual(smslint.segments(body, { smartEncoding: smart }), expected,
                             `${JSON.stringify(body)} smart=${smart}`);
    }
  }
  const s = smslint.segments('it’s', { smartEncoding: true });
  assert.equal(s.encoding, 'GSM-7');
  assert.equal(s.smart_text, "it's");
  assert.equal(smslint.segments('x'.repeat(161)).segment_count, 2);
  assert.throws(() => smslint.segments(42), TypeError);
});

test('rules() lists what smslint rules --format json lists', () => {
  const expected = JSON.parse(cli(['rules', '--format', 'json']));
  const rules = smslint.rules();
  assert.equal(rules.length, expected.length);
  rules.forEach((r, i) => {
    const { message, docs, ...cliFields } = r;
    assert.deepStrictEqual(cliFields, expected[i]);
    assert.equal(typeof message, 'string');
    assert.match(docs, /What it does/);
  });
});

test('version is the library version', () => {
  assert.match(smslint.version, /^\d+\.\d+\.\d+/);
  assert.equal(smslint.reportFormatVersion, 1);
});
