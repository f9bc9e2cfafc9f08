// MC2015 fault-with-retries: an http route with fault injection and retries or
// a timeout. The fault filter answers before the router: an injected delay is
// not counted in the route timeout and an injected abort is never retried;
// requests that draw no fault get retries and timeout as usual.
#include <string>

#include "validators/rule.h"
#include "validators/values/duration.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

// A fault with an abort or a delay (one with neither is another rule's).
bool injects(const Node& fault) {
  if (!fault.is_mapping()) return false;
  const Node* abort = fault.get("abort");
  const Node* delay = fault.get("delay");
  return (abort != nullptr && abort->is_mapping()) || (delay != nullptr && delay->is_mapping());
}

// Retries that are on: a retries object whose attempts is not 0 (or negative).
bool retries_on(const Node* retries) {
  if (retries == nullptr || !retries->is_mapping()) return false;
  const Node* attempts = retries->get("attempts");
  if (attempts == nullptr || !attempts->is_scalar() || attempts->scalar_type != ScalarType::Int) return true;
  const std::string_view t = attempts->text;
  return !(t == "0" || t == "+0" || t == "-0" || t.starts_with('-'));
}

// A timeout that limits the route: a duration other than 0 (0 turns it off);
// an unparsable one counts, its syntax is invalid-duration's.
bool timeout_on(const Node* timeout) {
  if (timeout == nullptr || !timeout->is_string()) return false;
  const auto ns = parse_go_duration_ns(timeout->text);
  return !ns || *ns != 0;
}

class FaultWithRetriesRule final : public Rule {
 public:
  FaultWithRetriesRule()
      : Rule({"MC2015", "fault-with-retries", Severity::Info,
              "a route with fault injection and retries or timeout: they do not act on injected faults"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      for_each_field(*r.root, "spec.http[]", [&](const FieldMatch& rule) {
        const Node& route = rule.value;
        if (!route.is_mapping()) return;
        const Node* fault = route.get("fault");
        if (fault == nullptr || !injects(*fault)) return;
        const bool retries = retries_on(route.get("retries"));
        const bool timeout = timeout_on(route.get("timeout"));
        if (!retries && !timeout) return;
        const std::string& base = rule.path;
        const std::string what = retries && timeout ? "retries and a timeout" : retries ? "retries" : "a timeout";
        const std::string them = retries ? "them" : "it";
        out.report(ctx.file, r, route.key_node("fault")->position,
                   r.label() + ": " + base + " injects faults and also sets " + what + ", but " + (retries ? "they do" : "it does") +
                       " not act on injected faults: the fault filter answers before the router, so an injected "
                       "delay is not counted in the timeout and an injected abort is never retried (requests that "
                       "draw no fault get " + them + " as usual); to test " + them +
                       ", inject the fault one hop further, in a route of the service this one calls",
                   base + ".fault");
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_FaultWithRetriesRule() { return std::make_unique<FaultWithRetriesRule>(); }

}  // namespace meshc
