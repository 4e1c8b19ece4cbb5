// Times the npm reference calculator (sms-segments-calculator 1.3.0) over
// JSONL body files, with the method of segments_timer (see there): one
// warm-up pass that calibrates `repeat` so a timed pass lasts at least
// --min-seconds, then --passes timed passes; the median is reported.
//
//   node time_npm.mjs NPM_REF_DIR [--passes N] [--min-seconds S] [--smart]
//       FILE.jsonl...
//
// One JSON line per file, the same keys as segments_timer prints.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const npmRef = args.shift();
let passes = 5;
let minSeconds = 0.2;
let smart = false;
const files = [];
while (args.length) {
  const a = args.shift();
  if (a === '--passes') passes = Math.max(1, Number(args.shift()));
  else if (a === '--min-seconds') minSeconds = Number(args.shift());
  else if (a === '--smart') smart = true;
  else files.push(a);
}
if (!npmRef || files.length === 0) {
  console.error('usage: node time_npm.mjs NPM_REF_DIR [--passes N] ' +
                '[--min-seconds S] [--smart] FILE.jsonl...');
  process.exit(2);
}
const require = createRequire(path.resolve(npmRef, 'package.json'));
const { SegmentedMessage } = require('sms-segments-calculator');

let sink = 0;  // keeps the results observable

function runSet(bodies, repeat) {
  const start = process.hrtime.bigint();
  for (let r = 0; r < repeat; r++) {
    // The constructor computes every field, as AnalyzeSegments does.
    for (const b of bodies) sink += new SegmentedMessage(b, 'auto', smart).segmentsCount;
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

for (const file of files) {
  const bodies = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '')
    .map((l) => JSON.parse(l).body);
  const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b, 'utf8'), 0);
  const warm = runSet(bodies, 1);
  const repeat = Math.min(1e6, Math.max(1, Math.ceil(minSeconds / Math.max(warm, 1e-9))));
  const perSet = [];
  for (let p = 0; p < passes; p++) perSet.push(runSet(bodies, repeat) / repeat);
  perSet.sort((x, y) => x - y);
  const median = perSet[Math.floor(perSet.length / 2)];
  console.log(JSON.stringify({
    set: path.basename(file).replace(/\.jsonl$/, ''),
    impl: 'sms-segments-calculator@1.3.0',
    mode: smart ? 'analyze+smart' : 'analyze',
    messages: bodies.length,
    bytes,
    repeat,
    passes,
    median_s: median,
    msgs_per_s: bodies.length / median,
    mb_per_s: bytes / median / 1e6,
  }));
}
if (sink < 0) console.log(sink);  // never true; defeats dead-code elimination
