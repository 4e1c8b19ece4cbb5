// Prints what the npm reference calculator (sms-segments-calculator 1.3.0)
// reports for each body of a JSONL file, one JSON line per body, in the
// shape segments_dump prints, so differential.py can compare them.
//
//   node calc_dump.mjs NPM_REF_DIR BODIES.jsonl > theirs.jsonl
//
// NPM_REF_DIR is tools/npm-ref (where `npm ci` put node_modules).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [npmRef, bodiesPath] = process.argv.slice(2);
if (!npmRef || !bodiesPath) {
  console.error('usage: node calc_dump.mjs NPM_REF_DIR BODIES.jsonl');
  process.exit(2);
}
const require = createRequire(path.resolve(npmRef, 'package.json'));
const { SegmentedMessage } = require('sms-segments-calculator');
// The map the constructor applies; used only to report the smart text.
const smartMap = require('sms-segments-calculator/dist/libs/SmartEncodingMap').default;

function describe(body, encoding, smart) {
  let m;
  try {
    m = new SegmentedMessage(body, encoding, smart);
  } catch (e) {
    if (/incompatible with GSM-7/.test(e.message)) return { error: 'incompatible' };
    throw e;
  }
  const bitsPerUnit = m.encodingName === 'GSM-7' ? 7 : 16;
  const out = {
    encoding: m.encodingName,
    segments: m.segmentsCount,
    fill: m.segments.map((s) => s.messageSizeInBits() / bitsPerUnit),
    characters: m.numberOfCharacters,
    code_points: m.numberOfUnicodeScalars,
    message_bits: m.messageSize,
    total_bits: m.totalSize,
    non_gsm: m.getNonGsmCharacters(),
    line_break: m.lineBreakStyle ?? '',
  };
  if (smart) {
    out.text = [...body].map((c) => (smartMap[c] === undefined ? c : smartMap[c])).join('');
  }
  return out;
}

const lines = [];
for (const line of readFileSync(bodiesPath, 'utf8').split('\n')) {
  if (line === '') continue;
  const { body } = JSON.parse(line);
  lines.push(JSON.stringify({
    auto: describe(body, 'auto', false),
    smart: describe(body, 'auto', true),
    ucs2: describe(body, 'UCS-2', false),
    gsm7: describe(body, 'GSM-7', false),
  }));
}
process.stdout.write(lines.join('\n') + (lines.length ? '\n' : ''));
