// MC2014 retry-timeout: a route timeout no longer than its retries'
// perTryTimeout: when a try times out, the route has timed out too, so it is
// never retried.
#include "validators/rule.h"
#include "validators/values/duration.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

// A valid duration of at least 1ms (others are invalid-duration's), or nullopt.
std::optional<int64_t> usable_duration(const Node* node) {
  if (node == nullptr || !node->is_string()) return std::nullopt;
  const auto ns = parse_go_duration_ns(node->text);
  if (!ns || *ns < k_ns_per_ms) return std::nullopt;
  return ns;
}

class RetryTimeoutRule final : public Rule {
 public:
  RetryTimeoutRule()
      : Rule({"MC2014", "retry-timeout", Severity::Warning,
              "a route timeout no longer than perTryTimeout, so a timed-out try can never be retried"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      for_each_field(*r.root, "spec.http[]", [&](const FieldMatch& route) {
        if (!route.value.is_mapping()) return;
        const Node* timeout = route.value.get("timeout");
        const Node* retries = route.value.get("retries");
        if (timeout == nullptr || retries == nullptr || !retries->is_mapping()) return;
        const Node* per_try = retries->get("perTryTimeout");
        if (per_try == nullptr) per_try = retries->get("per_try_timeout");
        const auto total = usable_duration(timeout);
        const auto each = usable_duration(per_try);
        if (!total || !each || *total > *each) return;
        // Istio's default is 2 attempts; an explicit 0 or less means no retries.
        if (const Node* attempts = retries->get("attempts");
            attempts != nullptr && attempts->is_scalar() && attempts->scalar_type == ScalarType::Int &&
            (attempts->text == "0" || attempts->text.starts_with('-')))
          return;
        const std::string path = route.path + ".timeout";
        out.report(ctx.file, r, timeout->position,
                   r.label() + ": " + path + " '" + std::string(timeout->text) + "' is not longer than " + route.path +
                       ".retries.perTryTimeout '" + std::string(per_try->text) +
                       "': the route gives up when the first try times out, so it is never retried; make the timeout "
                       "longer than perTryTimeout (up to attempts x perTryTimeout) or shorten perTryTimeout",
                   path);
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_RetryTimeoutRule() { return std::make_unique<RetryTimeoutRule>(); }

}  // namespace meshc
