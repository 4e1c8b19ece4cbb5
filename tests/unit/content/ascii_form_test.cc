// The lexicon patterns' ASCII forms (tools/gen_content_tables.py,
// ascii_form) against the patterns as written, on real text (the SMS Spam
// Collection, 5,574 messages nobody here wrote) and on non-ASCII phrases:
//  - on ASCII text a form matches exactly where its pattern matches (the
//    engine runs only the forms there);
//  - on any text it matches wherever its pattern does (the engine's Set of
//    forms is a prefilter there);
//  - PhraseEngine::Scan equals running every pattern as written.
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/ascii.h"
#include "content/lexicon.h"
#include "content/phrase_engine.h"
#include "spam_collection.h"

namespace smslint::internal {
namespace {

std::vector<std::string> Texts() {
  std::vector<std::string> out = testing::SpamCollectionTexts();
  // Non-ASCII letters next to phrases (boundaries), punctuation that is a
  // boundary, accents inside phrases, scripts and emoji.
  for (const char* s : {
           "Répondez STOP pour vous désabonner", "Envoyez ARRÊT au 12345",
           "STOP—to end these alerts", "Text STOP to 12345 to opt out…",
           "café horny", "éhorny", "hornyé", "pornô", "PORNÔ", "Étape: win £1000 cash",
           "¡Gana $1000 ahora! Responde BAJA para cancelar",
           "Отписаться: STOP", "FREE🎁 prize", "free🎁", "你好 free prize 你好",
           "— Acme Corp", "Welcome to Ünicorn Bank! Reply STOP", "Your Ärzte verification code",
           "ﬁnal oﬀer: FREE", "ǅemal here", "Kelvin K free", "straße STOP",
           "ｆｒｅｅ ｐｒｉｚｅ", "٣free", "free٣", "x\u0345free", "💰💰 win",
           // An ASCII phrase in otherwise non-ASCII text (Scan settles it
           // on the ASCII form's match), and a non-ASCII neighbour that the
           // ASCII form takes for a boundary (only the pattern decides).
           "Café Rio: FREE prize, reply STOP", "Ünicorn Bank: win cash now", "éfree prize",
           "Merci — Acme Corp", "Acme Corp: «win» £1000 cash", "prizeé, freeé",
           // ASCII punctuation a class with a trailing "-" must not take
           // (the ASCII form once read "[\pL&!-]" as a range from "!").
           "Reply with: WIN to 83355 now", "You won prize: $500 today", "Win big: 500 dollars",
       }) {
    out.emplace_back(s);
  }
  return out;
}

std::vector<size_t> Starts(const re2::RE2& re, std::string_view text) {
  std::vector<size_t> out;
  re2::StringPiece m;
  size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(text, pos, text.size(), re2::RE2::UNANCHORED, &m, 1)) {
    out.push_back(m.data() - text.data());
    pos = out.back() + 1;
  }
  return out;
}

struct Pair {
  std::unique_ptr<re2::RE2> exact, ascii;
  std::string where;
};

std::vector<Pair> Pairs() {
  re2::RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  std::vector<Pair> out;
  for (const LexiconPattern& p : kLexiconPatterns) {
    out.push_back({std::make_unique<re2::RE2>(p.regex, o),
                   std::make_unique<re2::RE2>(p.ascii_regex, o),
                   std::string(p.file) + " " + std::string(p.rule)});
    if (!p.unless.empty()) {
      out.push_back({std::make_unique<re2::RE2>(p.unless, o),
                     std::make_unique<re2::RE2>(p.ascii_unless, o),
                     std::string(p.file) + " " + std::string(p.rule) + " unless"});
    }
  }
  return out;
}

TEST(AsciiFormTest, SameMatchesOnAsciiTextSupersetOnOther) {
  const std::vector<std::string> texts = Texts();
  ASSERT_GT(texts.size(), 5000u) << "SMS Spam Collection not found";
  size_t ascii_texts = 0, compared = 0;
  for (const Pair& p : Pairs()) {
    ASSERT_TRUE(p.exact->ok()) << p.where;
    ASSERT_TRUE(p.ascii->ok()) << p.where << ": " << p.ascii->error();
    for (const std::string& t : texts) {
      const std::vector<size_t> exact = Starts(*p.exact, t);
      if (base::IsAscii(t)) {
        ++ascii_texts;
        EXPECT_EQ(Starts(*p.ascii, t), exact) << p.where << " on: " << t;
      } else if (!exact.empty()) {
        EXPECT_TRUE(re2::RE2::PartialMatch(t, *p.ascii)) << p.where << " on: " << t;
      }
      compared += exact.size();
      // Each phrase found again with every kind of neighbour: a letter, a
      // digit, "_", punctuation, space, a non-ASCII letter and a
      // non-ASCII punctuation mark.
      // (The phrase: group 1 of a whole-word pattern, else the match.)
      re2::StringPiece g[2];
      const int n = std::min(2, p.exact->NumberOfCapturingGroups() + 1);
      if (!exact.empty() && p.exact->Match(t, exact[0], t.size(), re2::RE2::UNANCHORED, g, n)) {
        const re2::StringPiece m = n == 2 && g[1].data() != nullptr ? g[1] : g[0];
        for (const char* before : {"", "a", "7", "_", " ", "-", "é", "—"}) {
          for (const char* after : {"", "Z", "0", "_", ".", "é", "…"}) {
            const std::string v = before + std::string(m.data(), m.size()) + after;
            if (base::IsAscii(v)) {
              EXPECT_EQ(Starts(*p.ascii, v), Starts(*p.exact, v)) << p.where << " on: " << v;
            } else if (re2::RE2::PartialMatch(v, *p.exact)) {
              EXPECT_TRUE(re2::RE2::PartialMatch(v, *p.ascii)) << p.where << " on: " << v;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(ascii_texts, 0u);
  EXPECT_GT(compared, 1000u);  // the patterns did match real text
}

TEST(AsciiFormTest, ScanEqualsEveryPatternAsWritten) {
  const PhraseEngine& engine = PhraseEngine::Get();
  ASSERT_EQ(engine.error(), "");
  re2::RE2::Options o;
  o.set_log_errors(false);
  struct Scanned {
    int index;
    std::unique_ptr<re2::RE2> re, ascii;
  };
  std::vector<Scanned> scan;
  for (size_t i = 0; i < kLexiconPatterns.size(); ++i) {
    if (kLexiconPatterns[i].scan) {
      scan.push_back({static_cast<int>(i),
                      std::make_unique<re2::RE2>(kLexiconPatterns[i].regex, o),
                      std::make_unique<re2::RE2>(kLexiconPatterns[i].ascii_regex, o)});
    }
  }
  size_t hits = 0, non_ascii_hits = 0;
  // On non-ASCII text, how Scan settles a pattern whose ASCII form matches:
  // on an all-ASCII match, or by the pattern itself, which then rejects.
  size_t by_ascii_span = 0, rejected = 0;
  for (const std::string& t : Texts()) {
    std::vector<int> want;
    for (const Scanned& p : scan) {
      const bool match = re2::RE2::PartialMatch(t, *p.re);
      if (match) want.push_back(p.index);
      re2::StringPiece m;
      if (!base::IsAscii(t) &&
          p.ascii->Match(t, 0, t.size(), re2::RE2::UNANCHORED, &m, 1)) {
        if (base::IsAscii(std::string_view(m.data(), m.size()))) {
          ++by_ascii_span;
        } else if (!match) {
          ++rejected;
        }
      }
    }
    EXPECT_EQ(engine.Scan(t), want) << t;
    hits += want.size();
    if (!base::IsAscii(t)) non_ascii_hits += want.size();
  }
  EXPECT_GT(hits, 1000u);
  EXPECT_GT(non_ascii_hits, 10u);
  EXPECT_GT(by_ascii_span, 10u);
  EXPECT_GT(rejected, 3u);
}

// MatchStarts' starts are exactly the positions where an anchored match
// exists (the opt-out rules test offers with MatchesAt on that ground), on
// ASCII and other text, for every pattern the scan finds.
TEST(AsciiFormTest, MatchesAtEqualsMatchStarts) {
  const PhraseEngine& engine = PhraseEngine::Get();
  std::vector<std::string> texts = Texts();
  for (const char* s : {"Reply STOP to end, or HELP for help. Text YES to join, STOP to opt out",
                        "Text STOP to 12345 to win a prize, reply STOP to opt out",
                        "Réponds STOP pour te désabonner, ou STOP pour gagner",
                        "Envía BAJA para cancelar, o STOP para recibir ofertas"}) {
    texts.emplace_back(s);
  }
  size_t checked = 0, starts = 0;
  for (size_t k = 0; k < texts.size(); k += 3) {  // a third of the corpus: time
    const std::string& t = texts[k];
    for (int i : engine.Scan(t)) {
      std::vector<size_t> want;
      engine.MatchStarts(i, t, &want);
      std::vector<size_t> got;
      for (size_t p = 0; p <= t.size(); ++p) {
        if (engine.MatchesAt(i, t, p)) got.push_back(p);
      }
      ASSERT_EQ(got, want) << kLexiconPatterns[i].rule << " on: " << t;
      ++checked;
      starts += want.size();
    }
  }
  EXPECT_GT(checked, 500u);
  EXPECT_GT(starts, 500u);
}

}  // namespace
}  // namespace smslint::internal
