// MC2013 invalid-retry-policy: what Istio rejects in an HTTP retry policy: an
// unknown retryOn token, negative attempts, and attempts: 0 (retries off)
// together with settings for retries.
#include <algorithm>
#include <array>
#include <charconv>

#include "validators/rule.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

// Istio's supportedRetryOnPolicies (pilot/pkg/networking/core/route/retry).
constexpr std::array<std::string_view, 16> k_retry_on{
    "5xx",          "gateway-error",  "reset",          "reset-before-request",   "connect-failure",
    "retriable-4xx", "refused-stream", "retriable-status-codes", "retriable-headers", "envoy-ratelimited",
    "http3-post-connect-failure",    "cancelled",      "deadline-exceeded",      "internal",
    "resource-exhausted",            "unavailable"};

// The status codes Go's http.StatusText knows.
bool go_knows_status(long code) {
  constexpr std::array<std::pair<long, long>, 12> k_ranges{{{100, 103},
                                                            {200, 208},
                                                            {226, 226},
                                                            {300, 305},
                                                            {307, 308},
                                                            {400, 418},
                                                            {421, 426},
                                                            {428, 429},
                                                            {431, 431},
                                                            {451, 451},
                                                            {500, 508},
                                                            {510, 511}}};
  return std::any_of(k_ranges.begin(), k_ranges.end(),
                     [&](const auto& r) { return code >= r.first && code <= r.second; });
}

// strconv.Atoi: an optional sign and decimal digits.
std::optional<long> go_atoi(std::string_view s) {
  std::string_view digits = s;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  long n = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc()) return std::nullopt;
  return s[0] == '-' ? -n : n;
}

bool valid_token(std::string_view token) {
  if (std::find(k_retry_on.begin(), k_retry_on.end(), token) != k_retry_on.end()) return true;
  const auto code = go_atoi(token);
  return code && go_knows_status(*code);
}

class InvalidRetryPolicyRule final : public Rule {
 public:
  InvalidRetryPolicyRule()
      : Rule({"MC2013", "invalid-retry-policy", Severity::Error,
              "an unknown retryOn token, negative attempts, or attempts: 0 with perTryTimeout/retryOn"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      for_each_field(*r.root, "spec.http[].retries", [&](const FieldMatch& retries) {
        if (!retries.value.is_mapping()) return;
        const std::string& at = retries.path;
        for_each_field(retries.value, "retryOn", [&](const FieldMatch& m) {
          if (!m.value.is_string()) return;
          const std::string_view text = m.value.text;
          size_t start = 0;
          while (true) {
            const size_t comma = text.find(',', start);
            const std::string_view token = text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
            if (!valid_token(token)) {
              std::string why;
              if (token.empty())
                why = "has an empty item; remove the extra comma";
              else if (token.find(' ') != std::string_view::npos || token.find('\t') != std::string_view::npos)
                why = "has the item '" + std::string(token) + "' with spaces; separate items with commas only, e.g. '5xx,reset'";
              else if (go_atoi(token))
                why = "has '" + std::string(token) + "', which is not an HTTP status code; use a code such as 503";
              else
                why = "has the unknown item '" + std::string(token) +
                      "'; use HTTP status codes and Envoy retry conditions such as 5xx, gateway-error, reset, "
                      "connect-failure, retriable-4xx, refused-stream, retriable-status-codes";
              out.report(ctx.file, r, m.value.position,
                         r.label() + ": " + at + "." + m.path + " '" + std::string(text) + "' " + why, at + "." + m.path);
            }
            if (comma == std::string_view::npos) break;
            start = comma + 1;
          }
        });
        const Node* attempts = retries.value.get("attempts");
        if (attempts == nullptr || !attempts->is_scalar() || attempts->scalar_type != ScalarType::Int) return;
        const auto n = go_atoi(attempts->text);
        if (!n) return;
        const std::string path = at + ".attempts";
        if (*n < 0) {
          out.report(ctx.file, r, attempts->position,
                     r.label() + ": " + path + " " + std::string(attempts->text) +
                         " is negative; use 0 to turn retries off or a positive number of retries",
                     path);
          return;
        }
        if (*n != 0) return;
        std::string with;
        for (const std::string_view field : {"perTryTimeout", "retryOn", "retryRemoteLocalities"}) {
          for_each_field(retries.value, field, [&](const FieldMatch&) {
            with += with.empty() ? "" : ", ";
            with += std::string(field);
          });
        }
        if (with.empty()) return;
        out.report(ctx.file, r, attempts->position,
                   r.label() + ": " + path + " 0 turns retries off, but the policy also sets " + with +
                       ", which Istio rejects; remove " + (with.find(',') == std::string::npos ? "it" : "them") +
                       " or set attempts above 0",
                   path);
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_InvalidRetryPolicyRule() { return std::make_unique<InvalidRetryPolicyRule>(); }

}  // namespace meshc
