#include "content/lexical_view.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

namespace smslint::internal {

struct LexicalView::Edits {
  icu::Edits edits;
};

LexicalView::LexicalView(std::string_view body, const UrlScan& urls)
    : text_(body) {
  // Blank with spaces, byte for byte, so offsets stay those of the body.
  for (const UrlMatch& u : urls.urls) {
    std::fill(text_.begin() + u.begin, text_.begin() + u.end, ' ');
  }
  for (const TextRange& e : urls.emails) {
    std::fill(text_.begin() + e.begin, text_.begin() + e.end, ' ');
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  const icu::StringPiece piece(text_.data(), static_cast<int32_t>(text_.size()));
  // isNormalizedUTF8 is a fast scan; ill-formed UTF-8 fails it, and then we
  // keep the text as it is (body/invalid-utf8 reports it).
  if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return;
  status = U_ZERO_ERROR;
  auto edits = std::make_unique<Edits>();
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, &edits->edits, status);
  if (U_FAILURE(status)) return;
  text_ = std::move(out);
  edits_ = std::move(edits);
}

LexicalView::~LexicalView() = default;

size_t LexicalView::ToBody(size_t offset) const {
  if (!edits_) return offset;
  UErrorCode status = U_ZERO_ERROR;
  icu::Edits::Iterator it = edits_->edits.getFineIterator();
  const int32_t source =
      it.sourceIndexFromDestinationIndex(static_cast<int32_t>(offset), status);
  return U_FAILURE(status) ? offset : static_cast<size_t>(source);
}

}  // namespace smslint::internal
