'use strict';
// Figures for the Node binding (README, "Node"): per-message lint() time
// against the C++ Linter in the same process on the same message, and
// lintMany throughput. Run from the source root after building:
//
//   node bench/node_bench.js [build/bindings/node]
//   UV_THREADPOOL_SIZE=1 node bench/node_bench.js; UV_THREADPOOL_SIZE=2 node bench/node_bench.js
//
// Timings, not tests: nothing here fails on a slow machine.
const path = require('path');

const pkg = path.resolve(process.argv[2] || path.join(__dirname, '..', 'build', 'bindings', 'node'));
const smslint = require(pkg);

const message = {
  to: '+14155550132',
  from: '+14155550100',
  body: 'Acme Dental: your cleaning is on Tue 14 May at 9:30. Reply STOP to opt out',
};
const json = JSON.stringify(message);
const linter = new smslint.Linter({ brand: 'Acme Dental' });

function perCall(n, fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; ++i) fn();
  return Number(process.hrtime.bigint() - start) / n;
}

function best(rounds, fn) {
  let min = Infinity;
  for (let i = 0; i < rounds; ++i) min = Math.min(min, fn());
  return min;
}

const n = Number(process.env.BENCH_N || 20000);
// Warm up both sides.
perCall(2000, () => linter.lint(message));
smslint._benchNative(linter, json, 2000);

const rounds = 5;
const lintNs = best(rounds, () => perCall(n, () => linter.lint(message)));
const sendableNs = best(rounds, () => perCall(n, () => linter.isSendable(message)));
let nat = null;
for (let i = 0; i < rounds; ++i) {
  const r = smslint._benchNative(linter, json, n);
  if (nat === null || r.lintJsonNs < nat.lintJsonNs) nat = r;
}
const nativeFull = nat.lintJsonNs + nat.reportToJsonNs;
// Where the binding's time goes: the message to JSON, the report from JSON.
const reportText = JSON.stringify(linter.lint(message));
const stringifyNs = best(rounds, () => perCall(n, () => JSON.stringify(message)));
const parseNs = best(rounds, () => perCall(n, () => JSON.parse(reportText)));
const fmt = (ns) => (ns / 1000).toFixed(2).padStart(7) + ' µs';
console.log(`one-segment message, best of ${rounds} x ${n} calls, node ${process.version}`);
console.log(`  C++ Linter::Lint (decoded message)         ${fmt(nat.lintNs)}`);
console.log(`  C++ LintJson (decode + lint)               ${fmt(nat.lintJsonNs)}`);
console.log(`  C++ LintJson + ReportToJson                ${fmt(nativeFull)}`);
console.log(`  node linter.lint(object) -> report object  ${fmt(lintNs)}`);
console.log(`  binding overhead vs LintJson+ReportToJson  ${fmt(lintNs - nativeFull)}` +
            `   (vs LintJson alone ${((lintNs - nat.lintJsonNs) / 1000).toFixed(2)} µs)`);
console.log(`    of which JSON.stringify(message)         ${fmt(stringifyNs)}`);
console.log(`    of which JSON.parse(report, ${reportText.length} bytes)   ${fmt(parseNs)}`);
console.log(`  node linter.isSendable(object)             ${fmt(sendableNs)}` +
            `   (overhead vs LintJson ${((sendableNs - nat.lintJsonNs) / 1000).toFixed(2)} µs)`);

async function many() {
  const count = Number(process.env.BENCH_MANY || 100000);
  const messages = [];
  for (let i = 0; i < count; ++i) {
    messages.push({ ...message, id: String(i), to: `+1415555${String(i % 10000).padStart(4, '0')}` });
  }
  await linter.lintMany(messages.slice(0, 2000));  // warm the pool
  let bestS = Infinity;
  for (let i = 0; i < 3; ++i) {
    const start = process.hrtime.bigint();
    const reports = await linter.lintMany(messages);
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    if (reports.length !== count) throw new Error('lost reports');
    bestS = Math.min(bestS, s);
  }
  const start = process.hrtime.bigint();
  for (const m of messages) linter.lint(m);
  const syncS = Number(process.hrtime.bigint() - start) / 1e9;
  const pool = process.env.UV_THREADPOOL_SIZE || '4 (default)';
  console.log(`lintMany of ${count} messages, UV_THREADPOOL_SIZE=${pool}: ` +
              `${(count / bestS).toFixed(0)} msg/s (${bestS.toFixed(2)} s); ` +
              `lint() in a loop: ${(count / syncS).toFixed(0)} msg/s`);
}

many().catch((e) => { console.error(e); process.exit(1); });
