#include "account/account_checks.h"

#include <algorithm>
#include <utility>

#include "base/ascii.h"
#include "base/utf16_span.h"
#include "content/url_scanner.h"
#include "numbers/sender_ids.h"

namespace smslint::internal {
namespace {

#include "gen/embargo.inc"

// A2P 10DLC use cases (Twilio's usAppToPerson use case resource) and the
// message kinds each fits; "" is "not checked" (MIXED, LOW_VOLUME and the
// special use cases carry any kind).
struct UseCase {
  std::string_view name, kinds;
};
constexpr UseCase kUseCases[] = {
    {"2FA", "otp"},
    {"ACCOUNT_NOTIFICATION", "transactional, informational"},
    {"AGENTS_FRANCHISES", ""},
    {"CARRIER_EXEMPT", ""},
    {"CHARITY", ""},
    {"CUSTOMER_CARE", "conversational, transactional, informational"},
    {"DELIVERY_NOTIFICATION", "transactional, informational"},
    {"EMERGENCY", ""},
    {"FRAUD_ALERT", "transactional, informational, otp"},
    {"HIGHER_EDUCATION", ""},
    {"K12_EDUCATION", ""},
    {"LOW_VOLUME", ""},
    {"MARKETING", "marketing, informational"},
    {"MIXED", ""},
    {"POLITICAL", ""},
    {"POLLING_VOTING", ""},
    {"PROXY", ""},
    {"PUBLIC_SERVICE_ANNOUNCEMENT", ""},
    {"SECURITY_ALERT", "transactional, informational, otp"},
    {"SOCIAL", ""},
    {"SOLE_PROPRIETOR", ""},
    {"STARTER", ""},
    {"SWEEPSTAKE", ""},
    {"UCAAS_HIGH", ""},
    {"UCAAS_LOW", ""},
};

const UseCase* FindUseCase(std::string_view name) {
  for (const UseCase& u : kUseCases) {
    if (u.name == name) return &u;
  }
  return nullptr;
}

bool KindFits(std::string_view kinds, std::string_view kind) {
  while (!kinds.empty()) {
    const size_t comma = kinds.find(',');
    std::string_view k = kinds.substr(0, comma);
    if (k == kind) return true;
    if (comma == std::string_view::npos) break;
    kinds.remove_prefix(comma + 2);  // ", "
  }
  return false;
}

std::string StatusName(SenderStatus s) {
  switch (s) {
    case SenderStatus::kPending: return "pending";
    case SenderStatus::kRestricted: return "restricted";
    default: return "";
  }
}

}  // namespace

const EmbargoEntry* FindEmbargo(std::string_view e164) {
  if (e164.size() < 2 || e164[0] != '+') return nullptr;
  const std::string_view digits = e164.substr(1);
  for (const EmbargoEntry& e : kEmbargo) {
    if (digits.substr(0, e.prefix.size()) == e.prefix) return &e;
  }
  return nullptr;
}

bool IsUsBound(std::string_view region) {
  return region == "US" || region == "PR" || region == "VI" || region == "GU" ||
         region == "AS";
}

std::string_view KindsForUseCase(std::string_view use_case) {
  const UseCase* u = FindUseCase(use_case);
  return u == nullptr ? std::string_view() : u->kinds;
}

bool KnownUseCase(std::string_view use_case) { return FindUseCase(use_case) != nullptr; }

bool IsPlainNanpE164(std::string_view cell) {
  if (cell.size() != 12 || cell[0] != '+' || cell[1] != '1' || cell[2] < '2' || cell[2] > '9') {
    return false;
  }
  for (size_t i = 3; i < 12; ++i) {
    if (cell[i] < '0' || cell[i] > '9') return false;
  }
  return true;
}

NumberNormalizer MakeNumberNormalizer(const PhoneUtil& phones, std::string region, bool fast) {
  return [&phones, region = std::move(region), fast](std::string_view cell, uint64_t* key,
                                                    std::string* why) {
    // Most lists are E.164 NANP numbers, for which libphonenumber's answer
    // is known without asking: "+1", an area code starting 2-9, 10 digits
    // in all is a possible US number, and no national prefix is stripped
    // (the US metadata's national prefix for parsing is "1"), so its E.164
    // form is the cell itself. account_rules_test checks this against
    // libphonenumber.
    if (IsPlainNanpE164(cell)) {
      *key = E164Key(cell);
      return true;
    }
    const PhoneFacts f = phones.Analyze(cell, region, fast);
    switch (f.parse) {
      case ParseStatus::kOk: break;
      case ParseStatus::kNoRegion:
        *why = "national format and no default region";
        return false;
      case ParseStatus::kInvalidCountryCode:
        *why = "invalid country code";
        return false;
      case ParseStatus::kTooShort:
      case ParseStatus::kTooShortAfterIdd:
        *why = "too short";
        return false;
      case ParseStatus::kTooLong:
        *why = "too long";
        return false;
      default:
        return false;
    }
    if (f.possibility != Possibility::kPossible) {
      *why = f.possibility == Possibility::kTooShort  ? "too short"
             : f.possibility == Possibility::kTooLong ? "too long"
             : f.possibility == Possibility::kLocalOnly
                 ? "a local number without its area code"
                 : "not a possible length for its country";
      return false;
    }
    *key = E164Key(f.e164);
    return *key != 0;
  };
}

std::string AccountChecker::SenderKey(const NumberInfo& from) {
  if (from.kind == NumberKind::kPhone && !from.e164.empty()) return from.e164;
  return std::string(base::TrimAscii(from.input));
}

bool AccountChecker::Fail(std::string error, std::string arg) {
  if (error_.empty()) {
    error_ = std::move(error);
    error_arg_ = std::move(arg);
  }
  return false;
}

std::string AccountChecker::NormaliseSender(const std::string& value, const std::string& what) {
  const std::string_view v = base::TrimAscii(value);
  if (v.empty()) {
    Fail(what + " must not be empty", value);
    return "";
  }
  if (v.substr(0, 2) == "MG" && IsMessagingServiceId(v)) return std::string(v);
  const NumberKind kind = ClassifySender(v);
  if (kind != NumberKind::kPhone) return std::string(v);
  const PhoneFacts f = phones_.Analyze(v, region_, fast_);
  if (f.parse != ParseStatus::kOk || f.e164.empty()) {
    Fail(what + " is not a phone number, short code or alphanumeric sender id", value);
    return "";
  }
  return f.e164;
}

AccountChecker::AccountChecker(const AccountOptions& options,
                               const std::string& default_region, const PhoneUtil& phones,
                               bool fast_numbers)
    : options_(options),
      quiet_(options.quiet_hours),
      phones_(phones),
      region_(default_region),
      fast_(fast_numbers) {
  if (!quiet_.error().empty()) {
    Fail(quiet_.error(), quiet_.error_arg());
    return;
  }
  for (const std::string& n : options.verified_numbers) {
    const PhoneFacts f = phones.Analyze(n, region_, fast_);
    const uint64_t key = f.parse == ParseStatus::kOk ? E164Key(f.e164) : 0;
    if (key == 0) {
      Fail("account.verified_numbers: not a phone number", n);
      return;
    }
    verified_.insert(key);
  }
  for (const std::string& n : options.trial_numbers) {
    std::string key = NormaliseSender(n, "account.trial_numbers");
    if (key.empty()) return;
    trial_numbers_.push_back(std::move(key));
  }
  for (const std::string& r : options.geo_permissions) {
    const std::string region = base::UpperAscii(r);
    if (region != "001" && !phones.IsSupportedRegion(region)) {
      Fail("account.geo_permissions: unknown region", r);
      return;
    }
    if (geo_.insert(region).second) {
      geo_text_ += (geo_text_.empty() ? "" : ", ") + region;
    }
  }
  for (const AccountCampaign& c : options.campaigns) {
    if (!c.use_case.empty() && !KnownUseCase(c.use_case)) {
      Fail("account.campaigns." + c.name + ".use_case: unknown A2P use case", c.use_case);
      return;
    }
  }
  for (const AccountSender& s : options.senders) {
    std::string key = NormaliseSender(s.number, "account.senders.number");
    if (key.empty()) return;
    Sender sender{s, nullptr};
    if (!s.campaign.empty()) {
      for (const AccountCampaign& c : options_.campaigns) {
        if (c.name == s.campaign) sender.campaign = &c;
      }
      if (sender.campaign == nullptr) {
        Fail("account.senders: campaign is not an [account.campaigns.NAME] table", s.campaign);
        return;
      }
    }
    if (!senders_.emplace(key, sender).second) {
      Fail("account.senders: the sender is listed twice", s.number);
      return;
    }
  }
  const NumberNormalizer normalize = MakeNumberNormalizer(phones_, region_, fast_);
  for (const SuppressionList& l : options.suppression_lists) {
    auto list = std::make_unique<List>();
    list->name = l.path;
    if (!l.scope.empty()) {
      list->scope = NormaliseSender(l.scope, "account.suppression_list scope");
      if (list->scope.empty()) return;
    }
    std::string error;
    if (!list->set.LoadFile(l.path, l.path, normalize, &error)) {
      const size_t colon = error.find(": ", l.path.size());
      Fail("suppression list " + error, colon == std::string::npos ? l.path
                                                                   : error.substr(0, colon));
      return;
    }
    lists_.push_back(std::move(list));
  }
}

void AccountChecker::Check(const Message& m, const AccountContext& ctx,
                           const Emit& emit) const {
  quiet_.Check(m, ctx.to, ctx.now, emit);
  const NumberInfo* to = ctx.to;
  const bool to_phone = to != nullptr && !to->e164.empty();
  if (to_phone) {
    if (const EmbargoEntry* e = FindEmbargo(to->e164)) {
      emit(rule::kAccountEmbargoedDestination, "to", std::nullopt,
           {{"country", std::string(e->name)},
            {"prefix", std::string(e->prefix)},
            {"since", std::string(e->since)},
            {"number", to->e164}});
    } else if (!geo_.empty() && !to->region.empty() && geo_.count(to->region) == 0) {
      emit(rule::kAccountGeoPermissionDisabled, "to", std::nullopt,
           {{"number", to->e164}, {"region", to->region}, {"allowed", geo_text_}});
    }
  }
  const uint64_t to_key = to_phone ? E164Key(to->e164) : 0;
  if (options_.trial && to_key != 0 && verified_.count(to_key) == 0) {
    emit(rule::kAccountTrialUnverifiedRecipient, "to", std::nullopt, {{"number", to->e164}});
  }
  const std::string sender = ctx.from != nullptr ? SenderKey(*ctx.from) : "";
  const bool has_from = ctx.from != nullptr && ctx.from->kind != NumberKind::kMessagingService;
  if (options_.trial && !trial_numbers_.empty() && has_from &&
      std::find(trial_numbers_.begin(), trial_numbers_.end(), sender) == trial_numbers_.end()) {
    std::string allowed;
    for (const std::string& t : trial_numbers_) allowed += (allowed.empty() ? "" : ", ") + t;
    emit(rule::kAccountTrialSender, "from", std::nullopt,
         {{"allowed", allowed}, {"sender", sender}});
  }
  if (to_key != 0) {
    for (const auto& list : lists_) {
      if (!list->scope.empty() && list->scope != sender &&
          list->scope != m.messaging_service_id) {
        continue;
      }
      if (const std::optional<uint64_t> line = list->set.Find(to_key)) {
        emit(rule::kAccountSuppressedRecipient, "to", std::nullopt,
             {{"number", to->e164}, {"file", list->name}, {"line", std::to_string(*line)}});
        break;
      }
    }
  }
  if (senders_.empty() || !has_from) return;
  const auto it = senders_.find(sender);
  if (it == senders_.end()) {
    emit(rule::kAccountSenderNotInInventory, "from", std::nullopt, {{"sender", sender}});
    return;
  }
  const Sender& s = it->second;
  const std::string region = to != nullptr ? to->region : "";
  if (s.config.kind == SenderKind::kTenDlc && IsUsBound(region)) {
    if (s.config.status == SenderStatus::kUnregistered) {
      emit(rule::kAccountTenDlcUnregistered, "from", std::nullopt,
           {{"sender", sender}, {"region", region}});
    } else if (s.config.status == SenderStatus::kPending) {
      emit(rule::kAccountTenDlcPending, "from", std::nullopt,
           {{"sender", sender}, {"region", region}});
    }
  }
  if (s.config.kind == SenderKind::kTollFree && (region == "US" || region == "CA") &&
      (s.config.status == SenderStatus::kRestricted ||
       s.config.status == SenderStatus::kPending)) {
    emit(rule::kAccountTollFreeUnverified, "from", std::nullopt,
         {{"sender", sender}, {"status", StatusName(s.config.status)}, {"region", region}});
  }
  const AccountCampaign* c = s.campaign;
  if (c == nullptr) return;
  if (!c->has_embedded_links) {
    const UrlScan urls = FindUrls(m.body);
    if (!urls.urls.empty()) {
      const UrlMatch& u = urls.urls.front();
      emit(rule::kAccountCampaignLinkUndeclared, "body",
           base::Utf16Span(m.body, u.begin, u.end),
           {{"host", u.host}, {"campaign", c->name}, {"sender", sender}});
    }
  }
  if (!c->has_embedded_phone && ctx.body_has_phone) {
    emit(rule::kAccountCampaignPhoneUndeclared, "body", std::nullopt,
         {{"campaign", c->name}, {"sender", sender}});
  }
  const std::string_view kinds = KindsForUseCase(c->use_case);
  const std::string_view kind = MessageKindName(m.kind);
  if (!kinds.empty() && !kind.empty() && !KindFits(kinds, kind)) {
    emit(rule::kAccountCampaignUseCaseMismatch, "kind", std::nullopt,
         {{"kind", std::string(kind)}, {"use_case", c->use_case}, {"campaign", c->name},
          {"sender", sender}, {"fits", std::string(kinds)}});
  }
}

}  // namespace smslint::internal
