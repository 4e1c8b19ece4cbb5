// The account rules (account/*, docs/account.md): what Options::account
// predicts about a message. Built once per Linter (it loads the
// suppression lists), then immutable and safe from many threads.
#ifndef SMSLINT_SRC_ACCOUNT_ACCOUNT_CHECKS_H_
#define SMSLINT_SRC_ACCOUNT_ACCOUNT_CHECKS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "account/quiet_hours.h"
#include "account/suppression_list.h"
#include "numbers/phone_util.h"
#include "rules/emit.h"
#include "smslint/account.h"
#include "smslint/linter.h"
#include "smslint/message.h"
#include "smslint/numbers.h"

namespace smslint::internal {

// The embargo table row of an E.164 number (data/account/embargo.tsv).
struct EmbargoEntry {
  std::string_view prefix, region, name, since;
};
const EmbargoEntry* FindEmbargo(std::string_view e164);

// Regions that are "US-bound" for A2P 10DLC: the US and its territories on
// +1 (US, PR, VI, GU, AS).
bool IsUsBound(std::string_view region);

// Which message kinds fit a campaign use case ("" when the use case is not
// checked); e.g. "2FA" -> "otp".
std::string_view KindsForUseCase(std::string_view use_case);
// Twilio's use case names smslint accepts in configuration.
bool KnownUseCase(std::string_view use_case);

// How suppression lists read a cell: libphonenumber (PhoneUtil::Analyze,
// fast path or not) in `region`; a number must parse and be of a possible
// length. `phones` must outlive the result.
NumberNormalizer MakeNumberNormalizer(const PhoneUtil& phones, std::string region, bool fast);
// "+1" then 10 digits, the first 2-9: the normaliser's shortcut.
bool IsPlainNanpE164(std::string_view cell);

// What the checks need of the message besides the message itself.
struct AccountContext {
  const NumberInfo* to = nullptr;    // nullptr: no recipient
  const NumberInfo* from = nullptr;  // nullptr: no sender
  // The content engine found a phone number in the body (the finding of
  // content/embedded-phone-number, whether or not that rule reports).
  bool body_has_phone = false;
  // "Now" (Options::now_unix_seconds or the clock) for schedule/quiet-hours.
  int64_t now = 0;
};

class AccountChecker {
 public:
  // Normalises the configured numbers and loads the suppression lists with
  // `default_region`. On failure `error()` says why and `error_arg()` names
  // the value (a list's "file:line").
  AccountChecker(const AccountOptions& options, const std::string& default_region,
                 const PhoneUtil& phones, bool fast_numbers);

  const std::string& error() const { return error_; }
  const std::string& error_arg() const { return error_arg_; }

  // Emits the account rules that fire on `message` (the embargo needs no
  // configuration; every other rule only what Options::account turns on).
  void Check(const Message& message, const AccountContext& context,
             const Emit& emit) const;

  // The sender key of `from`: E.164 for phone numbers that parse, the text
  // otherwise (short codes, alphanumeric ids, messaging service ids).
  static std::string SenderKey(const NumberInfo& from);

 private:
  struct Sender {
    AccountSender config;
    const AccountCampaign* campaign = nullptr;
  };
  struct List {
    std::string name;   // as configured, for findings
    std::string scope;  // normalised sender key or "MG..."; "" for all
    SuppressionSet set;
  };
  bool Fail(std::string error, std::string arg);
  // E.164 (phones) or the text (short codes, alphanumeric ids, "MG...");
  // "" with error set when a phone number does not parse.
  std::string NormaliseSender(const std::string& value, const std::string& what);

  const AccountOptions options_;
  QuietHours quiet_;
  const PhoneUtil& phones_;
  std::string region_;
  bool fast_;
  std::string error_, error_arg_;
  std::unordered_set<uint64_t> verified_;
  std::vector<std::string> trial_numbers_;  // normalised
  std::unordered_set<std::string> geo_;
  std::string geo_text_;  // "US, CA" for findings
  std::unordered_map<std::string, Sender> senders_;
  std::vector<std::unique_ptr<List>> lists_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_ACCOUNT_ACCOUNT_CHECKS_H_
