// File: smslint/message.h
//
// Defines smslint::Message, the input to Linter::Lint: one outgoing SMS or
// MMS as a sender would hand it to an API.
//
//   smslint::Message m;
//   m.to = "+14155550132";
//   m.from = "+14155550100";
//   m.body = "Your code is 123456";
//   m.kind = smslint::MessageKind::kOtp;
#ifndef SMSLINT_MESSAGE_H_
#define SMSLINT_MESSAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smslint/export.h"

namespace smslint {

// smslint::MessageKind
//
// What the message is for. Content rules use it as context.
enum class MessageKind {
  kUnspecified,     // not given
  kMarketing,       // promotions, offers
  kTransactional,   // receipts, shipping notices, account alerts
  kOtp,             // one-time passcodes
  kConversational,  // person-to-person style replies
  kInformational,   // reminders, notices the recipient asked for
};

// Returns "marketing", "transactional", ... ("" for kUnspecified).
SMSLINT_API std::string_view MessageKindName(MessageKind kind);
// Parses the names above; nullopt for anything else.
SMSLINT_API std::optional<MessageKind> ParseMessageKind(std::string_view name);

// smslint::Media
//
// One media attachment. Only what is known offline: the declared type, the
// size, and optionally where the bytes are.
struct Media {
  std::string content_type;             // declared MIME type, e.g. "image/jpeg"
  std::optional<uint64_t> size_bytes;   // size if known
  std::optional<std::string> path;      // local file holding the bytes
  std::optional<std::string> bytes;     // or the bytes themselves
};

// smslint::Message
//
// One message to lint. All strings are UTF-8; the body may be invalid UTF-8,
// which is reported, never undefined behaviour.
struct Message {
  std::string id;                    // caller's id, echoed in the report
  std::string to;                    // recipient number as given
  std::string from;                  // sender: number, short code or alphanumeric id
  std::string messaging_service_id;  // "MG..." instead of from
  std::string body;                  // UTF-8 text
  std::vector<Media> media;
  MessageKind kind = MessageKind::kUnspecified;
  bool first_message = false;        // first message to this recipient
  // ISO 3166 region ("US", "GB") for numbers written without a country
  // code; overrides Options::default_region. Empty: use the option.
  std::string region;
  // Content-risk context (docs/content.md). The brand the message should
  // name (overrides Options::brand when set), and hosts the sender controls
  // (added to Options::owned_domains): their links are never reported as
  // shorteners or deceptive.
  std::string brand;
  std::vector<std::string> owned_domains;
  // Fields of Twilio's Messages API request, carried for rules that check
  // them (docs/input.md lists their spellings). Empty or nullopt: not given.
  // Media by URL (MediaUrl): what the URLs point at is not known offline
  // (nothing is fetched). They count as media for MMS eligibility,
  // body/empty, the 10-media limit and the 5 MB total (size unknown); each
  // URL is checked by the media/url-* rules (docs/input.md).
  std::vector<std::string> media_urls;
  std::string status_callback;             // StatusCallback URL, as given
  std::optional<int64_t> validity_period;  // ValidityPeriod, in seconds
  std::string send_at;                     // SendAt, ISO 8601 text as given
  std::string schedule_type;               // ScheduleType, e.g. "fixed"
};

}  // namespace smslint

#endif  // SMSLINT_MESSAGE_H_
