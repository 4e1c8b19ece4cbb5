// Prints the hashed n-gram buckets of bodies, for tools/fit_content_model.py:
// the model is trained on exactly what the library computes (URLs blanked,
// NFC, text-speak replaced: the lexical view's words(), then ForEachNgram).
//
//   ngram_features N_MIN N_MAX BITS FOLD_DIGITS < bodies.jsonl
//
// Reads one JSON object with a "body" string per line; writes one line per
// body: its buckets, space-separated, in text order (repeats included).
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "content/lexical_view.h"
#include "content/ngram_model.h"
#include "content/urls.h"

int main(int argc, char** argv) {
  using namespace smslint::internal;
  if (argc != 5) {
    std::fprintf(stderr, "usage: ngram_features N_MIN N_MAX BITS FOLD_DIGITS < bodies.jsonl\n");
    return 2;
  }
  const NgramShape shape{std::atoi(argv[1]), std::atoi(argv[2]), std::atoi(argv[3]),
                         std::atoi(argv[4]) != 0};
  if (shape.n_min < 1 || shape.n_max < shape.n_min ||
      shape.n_max > static_cast<int>(kNgramMaxN) || shape.bits < 8 || shape.bits > 24) {
    std::fprintf(stderr, "ngram_features: bad shape\n");
    return 2;
  }
  std::string line, out;
  while (std::getline(std::cin, line)) {
    const std::string body = nlohmann::json::parse(line).at("body").get<std::string>();
    const UrlScan urls = FindUrls(body);
    const LexicalView view(body, urls);
    out.clear();
    ForEachNgram(view.words(), shape, [&](uint32_t bucket, uint32_t, uint32_t) {
      if (!out.empty()) out += ' ';
      out += std::to_string(bucket);
    });
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}
