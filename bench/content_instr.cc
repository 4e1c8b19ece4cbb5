// Lints the bodies of one content_bench class as first marketing messages,
// a fixed number of rounds after three warm-up rounds, and prints nothing:
// the program bench/content_instructions.sh runs under callgrind to count
// the instructions one Lint costs. Instruction counts do not move with the
// machine's load, which made the timed benchmark's figures vary by ±30 %
// on the shared development machine. Public API only, so the script can
// build it against an older checkout as the baseline.
//
//   content_instr CLASS ROUNDS
#include <cstdio>
#include <cstdlib>
#include <string>

#include "content_bodies.h"
#include "smslint/linter.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: content_instr CLASS(0-3) ROUNDS\n");
    return 2;
  }
  const int kind = std::atoi(argv[1]);
  const int rounds = std::atoi(argv[2]);
  if (kind < 0 || kind > 3 || rounds < 0) {
    std::fprintf(stderr, "content_instr: CLASS is 0-3, ROUNDS >= 0\n");
    return 2;
  }
  const smslint::Linter linter(smslint::bench::ContentOnlyOptions());
  if (!linter.ok()) {
    std::fprintf(stderr, "content_instr: %s\n", linter.error().c_str());
    return 1;
  }
  smslint::Message m;
  m.kind = smslint::MessageKind::kMarketing;
  m.first_message = true;
  size_t findings = 0;  // used, so no call is optimised away
  for (int r = 0; r < 3 + rounds; ++r) {
    for (const std::string& body : smslint::bench::ContentBodies(kind)) {
      m.body = body;
      findings += linter.Lint(m).diagnostics.size();
    }
  }
  return findings == 0 ? 1 : 0;
}
