'use strict';
// lintAsync / lintMany on the thread pool, and Linters under heavy GC.
const test = require('node:test');
const assert = require('node:assert/strict');
const v8 = require('v8');
const vm = require('vm');
const { smslint, plain } = require('./helpers');
const { Linter } = smslint;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

function makeMessages(n) {
  const bodies = ['hi', 'it’s fine', 'FREE CASH!!! http://1.2.3.4', 'x'.repeat(200), '', 'Reply STOP to opt out 😀'];
  const out = [];
  for (let i = 0; i < n; ++i) {
    out.push({ id: String(i), to: `+1415555${String(i % 10000).padStart(4, '0')}`, from: '+14155550100',
               body: bodies[i % bodies.length] + ' #' + i });
  }
  return out;
}

test('lintMany equals lint, in order, for many messages at once', async () => {
  const linter = new Linter();
  const messages = makeMessages(3000);
  const [a, b] = await Promise.all([linter.lintMany(messages), linter.lintMany(messages.slice(0, 100))]);
  assert.equal(a.length, messages.length);
  for (let i = 0; i < messages.length; i += 7) {
    assert.deepStrictEqual(plain(a[i]), plain(linter.lint(messages[i])), `message ${i}`);
    assert.equal(a[i].ok, linter.lint(messages[i]).ok);
  }
  assert.deepStrictEqual(b.map(plain), a.slice(0, 100).map(plain));
  assert.deepStrictEqual(await linter.lintMany([]), []);
  // Any iterable.
  const fromSet = await linter.lintMany(new Set(messages.slice(0, 3)));
  assert.deepStrictEqual(fromSet.map((r) => r.id), ['0', '1', '2']);
});

test('lintAsync resolves to the report; bad input rejects', async () => {
  const linter = new Linter();
  const reports = await Promise.all(makeMessages(200).map((m) => linter.lintAsync(m)));
  reports.forEach((r, i) => assert.equal(r.id, String(i)));
  await assert.rejects(linter.lintAsync('nope'), TypeError);
  await assert.rejects(linter.lintMany([{ body: 'a' }, 5]), TypeError);
});

test('a Linter whose JS object is gone still finishes its async work', async () => {
  let linter = new Linter({ maxSegments: 1 });
  const pending = linter.lintMany(makeMessages(2000));
  linter = null;
  for (let i = 0; i < 5; ++i) gc();
  const reports = await pending;
  assert.equal(reports.length, 2000);
  assert.ok(reports[3].diagnostics.some((d) => d.rule_id === 'segments/too-many-segments'));
});

test('a Linter keeps working after heavy GC', async () => {
  const linter = new Linter({ brand: 'Acme' });
  const before = plain(linter.lint({ to: '+14155550132', body: 'Acme: hi' }));
  for (let round = 0; round < 20; ++round) {
    let garbage = [];
    for (let i = 0; i < 200; ++i) garbage.push(new Linter({ maxSegments: 1 + (i % 5) }), { junk: 'x'.repeat(1000) });
    garbage = null;
    gc();
  }
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  assert.deepStrictEqual(plain(linter.lint({ to: '+14155550132', body: 'Acme: hi' })), before);
  assert.equal((await linter.lintAsync({ to: '+14155550132', body: 'Acme: hi' })).id, before.id);
});
