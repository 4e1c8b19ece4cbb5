// File: smslint/account.h
//
// Facts about the sending account that no single message shows (issue 14,
// docs/account.md): a trial account and its verified numbers, the
// destinations its Messaging Geo Permissions allow, opt-out (suppression)
// lists, its sender inventory with 10DLC / toll-free registration and
// campaigns, and SMS-pumping thresholds for `smslint batch`. They are
// Options::account; the [account] table of smslint.toml fills them
// (docs/config.md).
//
//   smslint::Options options;
//   options.default_region = "US";
//   options.account.geo_permissions = {"US", "CA"};
//   options.account.suppression_lists.push_back({"optouts.csv", ""});
//   const smslint::Linter linter(options);  // loads optouts.csv once
//   // linter.ok() is false, error() naming file:line, on a bad list.
//
// Plain C++17: no library types of smslint's dependencies.
#ifndef SMSLINT_ACCOUNT_H_
#define SMSLINT_ACCOUNT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace smslint {

// What kind of sender an inventory entry is (Twilio's sender types).
enum class SenderKind {
  kTenDlc,        // "10dlc": a US local long code
  kTollFree,      // "toll_free": a US/CA toll-free number
  kShortCode,     // "short_code"
  kAlphanumeric,  // "alphanumeric": an alphanumeric sender id
};

// Registration state: 10DLC uses registered / pending / unregistered,
// toll-free verification uses verified / pending / restricted.
enum class SenderStatus {
  kUnspecified,   // not given (short codes, alphanumeric ids)
  kRegistered,    // 10DLC: on an approved A2P campaign
  kPending,       // 10DLC campaign or toll-free verification in review
  kUnregistered,  // 10DLC: no campaign (30034)
  kVerified,      // toll-free: verification approved
  kRestricted,    // toll-free: never submitted or rejected (30032)
};

// One [[account.senders]] entry.
struct AccountSender {
  // "+14155550100", a short code ("72345") or an alphanumeric id ("Acme").
  // Phone numbers are compared in E.164 after normalising with
  // Options::default_region.
  std::string number;
  SenderKind kind = SenderKind::kTenDlc;
  SenderStatus status = SenderStatus::kUnspecified;
  std::string campaign;  // names an AccountCampaign; "" for none
};

// One [account.campaigns.NAME] table: the fields of a registered A2P
// campaign that a message can contradict (Twilio's usAppToPerson resource).
struct AccountCampaign {
  std::string name;
  // MARKETING, 2FA, ACCOUNT_NOTIFICATION, ... (upper case, as Twilio
  // spells them; docs/account.md lists which message kinds fit each).
  std::string use_case;
  bool has_embedded_links = true;  // false: a link in a body is a warning
  bool has_embedded_phone = true;  // false: a phone number in a body is a warning
  bool age_gated = false;
  bool direct_lending = false;
};

// One suppression (opt-out) list: a file of numbers, loaded once when the
// Linter is built.
struct SuppressionList {
  // The file: CSV (the column named number, phone, phone_number, mobile,
  // to or e164, else the first) or one number a line, any number format
  // (read with Options::default_region). In smslint.toml a relative path
  // is relative to the configuration file's folder; here, to the working
  // directory.
  std::string path;
  // "" for every message; else only messages from this sender (a number,
  // short code or alphanumeric id) or this messaging service id ("MG...").
  std::string scope;
};

// Thresholds of the SMS-pumping indicators of `smslint batch`
// ([account.pumping]; docs/batch.md, "SMS pumping").
struct PumpingOptions {
  // Regions recipients are expected in; a recipient elsewhere is flagged.
  // Empty: the indicator is off.
  std::vector<std::string> expected_countries;
  // A run of this many recipients whose numbers follow each other (n, n+1,
  // ...) in input order is flagged, every row of it. 0 turns it off.
  uint32_t sequential_run = 5;
  // A number block is the number without its last `block_digits` digits.
  uint32_t block_digits = 3;
  // Rows in one block beyond this share of the batch (percent) are
  // flagged, once at least `block_min_rows` rows fell in the block.
  double block_share_percent = 20.0;
  uint32_t block_min_rows = 20;
  // Flag recipients in data/account/high_risk_prefixes.tsv.
  bool high_risk_prefixes = true;
  // Flag premium-rate and shared-cost recipients (libphonenumber's type).
  bool premium_destinations = true;
};

// One configured sending window of schedule/quiet-hours for a region.
struct QuietWindow {
  std::string region;  // ISO 3166, as libphonenumber assigns it ("GB")
  // "HH:MM-HH:MM", local time at the recipient, end exclusive; the end may
  // be "24:00". Checked when the Linter is built.
  std::string window;
};

// [account.quiet_hours]: when marketing may be sent (schedule/quiet-hours,
// docs/account.md). US recipients always get the federal 8:00-21:00
// window and their state's stricter one (data/account/quiet_hours.tsv);
// other regions only the windows given here.
struct QuietHoursOptions {
  // Message kinds checked (MessageKindName spellings); empty: none.
  std::vector<std::string> kinds = {"marketing"};
  // Windows for further regions; a window for "US" applies on top of the
  // federal and state ones.
  std::vector<QuietWindow> windows;
};

// smslint::AccountOptions: Options::account. Everything empty or false
// turns its checks off.
struct AccountOptions {
  // A trial account: recipients must be in verified_numbers (21608) and
  // the sender one of trial_numbers (when given).
  bool trial = false;
  std::vector<std::string> verified_numbers;
  std::vector<std::string> trial_numbers;
  // Regions (ISO 3166, as libphonenumber assigns them to numbers: "US",
  // "CA", "PR", "KZ") messages may go to. Empty: not checked. Destinations
  // embargoed for every account (data/account/embargo.tsv) are errors
  // whatever this says.
  std::vector<std::string> geo_permissions;
  std::vector<SuppressionList> suppression_lists;
  // The sender inventory; empty: not checked.
  std::vector<AccountSender> senders;
  std::vector<AccountCampaign> campaigns;
  PumpingOptions pumping;
  QuietHoursOptions quiet_hours;
};

}  // namespace smslint

#endif  // SMSLINT_ACCOUNT_H_
