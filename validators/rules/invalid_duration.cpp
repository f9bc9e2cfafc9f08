// MC2010 invalid-duration: a duration Istio rejects: not Go duration syntax
// (time.ParseDuration), under 1ms, or not a whole number of milliseconds; CORS
// maxAge must be whole seconds.
#include <array>

#include "validators/rule.h"
#include "validators/values/duration.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

enum class Check : uint8_t {
  Millis,       // >= 1ms, whole milliseconds (Istio's ValidateDuration, the CRD's CEL rule)
  MillisOrZero, // the same, but 0s is allowed (tcp idleTimeout: 0s disables it)
  Seconds,      // >= 1ms and whole seconds (CORS maxAge)
  Syntax,       // only Go syntax: Istio checks nothing else of these fields
};

struct DurationField {
  std::string_view kind;
  std::string_view pattern;  // relative to every prefix of its group, or from the root
  Check check;
};

// Every place a DestinationRule trafficPolicy can be.
constexpr std::array<std::string_view, 4> k_traffic_policies{
    "spec.trafficPolicy", "spec.trafficPolicy.portLevelSettings[]", "spec.subsets[].trafficPolicy",
    "spec.subsets[].trafficPolicy.portLevelSettings[]"};

// A field below a trafficPolicy or connection pool.
struct PoolField {
  std::string_view path;
  Check check;
};
// The duration fields of a ConnectionPoolSettings (DestinationRule and Sidecar).
constexpr std::array<PoolField, 8> k_pool_fields{{
    {"tcp.connectTimeout", Check::Millis},
    {"tcp.maxConnectionDuration", Check::Millis},
    {"tcp.idleTimeout", Check::MillisOrZero},
    {"tcp.tcpKeepalive.time", Check::Millis},
    {"tcp.tcpKeepalive.interval", Check::Millis},
    {"http.idleTimeout", Check::Millis},
    {"http.http2KeepAlive.interval", Check::Millis},
    {"http.http2KeepAlive.timeout", Check::Millis},
}};

// The other duration fields of a DestinationRule trafficPolicy.
constexpr std::array<PoolField, 6> k_policy_fields{{
    {"outlierDetection.interval", Check::Millis},
    {"outlierDetection.baseEjectionTime", Check::Millis},
    {"loadBalancer.warmup.duration", Check::Millis},
    {"loadBalancer.warmupDurationSecs", Check::Millis},
    {"loadBalancer.backendUtilization.weightStabilizationPeriod", Check::Syntax},
    {"retryBudget.budgetInterval", Check::Syntax},
}};

// Fields named from the resource root.
constexpr std::array<DurationField, 7> k_fields{{
    {"VirtualService", "spec.http[].timeout", Check::Millis},
    {"VirtualService", "spec.http[].retries.perTryTimeout", Check::Millis},
    {"VirtualService", "spec.http[].retries.backoff", Check::Millis},
    {"VirtualService", "spec.http[].fault.delay.fixedDelay", Check::Millis},
    {"VirtualService", "spec.http[].fault.delay.exponentialDelay", Check::Millis},
    {"VirtualService", "spec.http[].corsPolicy.maxAge", Check::Seconds},
    {"RequestAuthentication", "spec.jwtRules[].timeout", Check::Millis},
}};

// Sidecar connection pools.
constexpr std::array<std::string_view, 2> k_sidecar_pools{"spec.inboundConnectionPool", "spec.ingress[].connectionPool"};

constexpr std::string_view k_syntax_help =
    "a Go duration is numbers with units among ns, us, ms, s, m, h, e.g. '500ms', '1.5s', '1h30m'";

// What is wrong with a duration, or empty.
std::string problem(std::string_view text, Check check) {
  const auto ns = parse_go_duration_ns(text);
  if (!ns) return "is not a valid duration; " + std::string(k_syntax_help);
  if (check == Check::Syntax) return {};
  if (check == Check::MillisOrZero && *ns == 0) return {};
  if (*ns < k_ns_per_ms)
    return std::string(*ns < 0 ? "is negative" : "is under 1ms") + ", and Istio accepts only durations of at least 1ms; use '1ms' or more" +
           (check == Check::MillisOrZero ? ", or '0s' to disable it" : "");
  if (check == Check::Seconds) {
    if (*ns % k_ns_per_s != 0)
      return "is not a whole number of seconds (CORS max-age has seconds precision); use e.g. '" +
             format_duration((*ns / k_ns_per_s + 1) * k_ns_per_s) + "'";
    return {};
  }
  if (*ns % k_ns_per_ms != 0)
    return "is not a whole number of milliseconds; use e.g. '" +
           format_duration((*ns / k_ns_per_ms + 1) * k_ns_per_ms) + "'";
  return {};
}

class InvalidDurationRule final : public Rule {
 public:
  InvalidDurationRule()
      : Rule({"MC2010", "invalid-duration", Severity::Error,
              "a duration that is not Go duration syntax, under 1 ms, or not whole milliseconds"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::Checked || !r.version_known || !r.kind_known || r.root == nullptr) continue;
      // `base` is the path of `node`, which `pattern` is relative to.
      auto check = [&](const Node& node, const std::string& base, std::string_view pattern, Check how) {
        for_each_field(node, pattern, [&](const FieldMatch& m) {
          if (!m.value.is_string()) return;  // a wrong type is the schema rule's
          const std::string why = problem(m.value.text, how);
          if (why.empty()) return;
          const std::string path = base.empty() ? m.path : base + "." + m.path;
          out.report(ctx.file, r, m.value.position,
                     r.label() + ": " + path + " '" + std::string(m.value.text) + "' " + why, path);
        });
      };
      for (const auto& f : k_fields) {
        if (f.kind == r.kind) check(*r.root, "", f.pattern, f.check);
      }
      // Each traffic policy or pool is found once, then its fields below it.
      const auto check_pools = [&](std::string_view pool_pattern, bool with_policy_fields) {
        for_each_field(*r.root, pool_pattern, [&](const FieldMatch& pool) {
          for (const auto& f : k_pool_fields) check(pool.value, pool.path, f.path, f.check);
          if (!with_policy_fields) return;
          for (const auto& f : k_policy_fields) check(pool.value, pool.path, f.path, f.check);
        });
      };
      if (r.kind == "DestinationRule") {
        for (const auto prefix : k_traffic_policies) {
          for_each_field(*r.root, prefix, [&](const FieldMatch& policy) {
            for (const auto& f : k_policy_fields) check(policy.value, policy.path, f.path, f.check);
            for_each_field(policy.value, "connectionPool", [&](const FieldMatch& pool) {
              for (const auto& f : k_pool_fields) check(pool.value, policy.path + "." + pool.path, f.path, f.check);
            });
          });
        }
      } else if (r.kind == "Sidecar") {
        for (const auto prefix : k_sidecar_pools) check_pools(prefix, false);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_InvalidDurationRule() { return std::make_unique<InvalidDurationRule>(); }

}  // namespace meshc
