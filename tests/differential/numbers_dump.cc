// Prints what smslint reports about each number of a tab-separated list
// ("REGION<TAB>NUMBER" a line; REGION may be empty), one JSON line per
// number: the to_number object of Linter::Lint, for
// numbers_differential.py to compare with python-phonenumbers.
//
//   numbers_dump < numbers.tsv > ours.jsonl
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "smslint/linter.h"
#include "smslint/numbers.h"

int main() {
  const smslint::Linter linter;
  std::string line;
  while (std::getline(std::cin, line)) {
    const size_t tab = line.find('\t');
    smslint::Message m;
    m.region = line.substr(0, tab);
    m.to = tab == std::string::npos ? "" : line.substr(tab + 1);
    m.from = "Acme";
    m.body = "Hi";
    const smslint::Report r = linter.Lint(m);
    nlohmann::json j;
    if (r.to_number) {
      const smslint::NumberInfo& n = *r.to_number;
      j = {{"e164", n.e164},
           {"region", n.region},
           {"possible", n.possible},
           {"valid", n.valid},
           {"type", smslint::NumberTypeName(n.type)},
           {"reason", n.reason}};
    }
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
  }
  return 0;
}
