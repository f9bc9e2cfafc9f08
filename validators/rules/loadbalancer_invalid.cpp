// MC2026 loadbalancer-invalid: DestinationRule load-balancer settings Istio's
// webhook rejects: warmup aggression, an empty cookie name, the maglev table
// size, and locality distribute/failover. A missing warmup duration or cookie
// name is the schema's (MC1002); warmup.minimumPercent is percentage-range's.
#include <array>
#include <cstdlib>
#include <string>

#include "validators/rule.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

constexpr std::array<std::string_view, 4> k_lb_paths{
    "spec.trafficPolicy.loadBalancer",
    "spec.trafficPolicy.portLevelSettings[].loadBalancer",
    "spec.subsets[].trafficPolicy.loadBalancer",
    "spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer",
};

constexpr unsigned long long k_max_table_size = 5000011;  // Envoy's limit, itself a prime

bool is_number(const Node* n) {
  return n != nullptr && n->is_scalar() && (n->scalar_type == ScalarType::Int || n->scalar_type == ScalarType::Float);
}

bool is_int(const Node* n) { return n != nullptr && n->is_scalar() && n->scalar_type == ScalarType::Int; }

bool is_prime(unsigned long long n) {
  if (n < 2) return false;
  for (unsigned long long d = 2; d * d <= n; ++d)
    if (n % d == 0) return false;
  return true;
}

size_t list_size(const Node* n) { return n != nullptr && n->is_sequence() ? n->items.size() : 0; }

class LoadBalancerInvalidRule final : public Rule {
 public:
  LoadBalancerInvalidRule()
      : Rule({"MC2026", "loadbalancer-invalid", Severity::Error,
              "DestinationRule load-balancer settings Istio rejects: warmup aggression, cookie name, maglev table "
              "size, locality distribute and failover"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("DestinationRule")) continue;
      for (const std::string_view pattern : k_lb_paths)
        for_each_field(*r.root, pattern, [&](const FieldMatch& m) {
          if (m.value.is_mapping()) check(ctx, r, m.value, m.path, out);
        });
    }
  }

 private:
  static void check(const DocumentContext& ctx, const Resource& r, const Node& lb, const std::string& at_path,
                    FindingSink& out) {
    const auto report = [&](const Node& at, const std::string& path, const std::string& text) {
      out.report(ctx.file, r, at.position, r.label() + ": " + path + text, path);
    };

    if (const Node* warmup = lb.get("warmup"); warmup && warmup->is_mapping()) {
      const Node* aggression = warmup->get("aggression");
      if (is_number(aggression) && std::strtod(std::string(aggression->text).c_str(), nullptr) <= 0)
        report(*aggression, at_path + ".warmup.aggression",
               " " + std::string(aggression->text) +
                   " must be greater than 0; use 1 for a linear ramp-up, more for a slower start");
    }

    if (const Node* hash = lb.get("consistentHash"); hash && hash->is_mapping()) {
      if (const Node* cookie = hash->get("httpCookie"); cookie && cookie->is_mapping()) {
        const Node* name = cookie->get("name");
        if (name && name->is_string() && name->text.empty())
          report(*name, at_path + ".consistentHash.httpCookie.name",
                 " is empty; Istio needs the cookie's name to hash on, e.g. name: session-id");
      }
      if (const Node* maglev = hash->get("maglev"); maglev && maglev->is_mapping()) {
        const Node* size = maglev->get("tableSize");
        if (is_int(size)) {
          const std::string text(size->text);
          const bool negative = text.starts_with('-');
          const unsigned long long n = negative ? 0 : std::strtoull(text.c_str(), nullptr, 10);
          if (negative || n > k_max_table_size)
            report(*size, at_path + ".consistentHash.maglev.tableSize",
                   " " + text + " is out of range: the table size must be a prime of at most 5000011; the default "
                               "65537 suits most services");
          else if (!is_prime(n))
            report(*size, at_path + ".consistentHash.maglev.tableSize",
                   " " + text + " is not a prime number, which Maglev requires; use a prime such as 65537 or "
                               "131071");
        }
      }
    }

    const Node* locality = lb.get("localityLbSetting");
    if (locality == nullptr || !locality->is_mapping()) return;
    const std::string loc_path = at_path + ".localityLbSetting";
    if (list_size(locality->get("distribute")) > 0 && list_size(locality->get("failover")) > 0)
      report(*locality->key_node("failover"), loc_path + ".failover",
             " is set together with distribute, which Istio rejects; use distribute (weighted locality "
             "shares) or failover (priority order), not both");
    const Node* distribute = locality->get("distribute");
    for (size_t i = 0; i < list_size(distribute); ++i) {
      const Node& d = *distribute->items[i];
      if (!d.is_mapping()) continue;
      const Node* to = d.get("to");
      if (to == nullptr || !to->is_mapping()) continue;
      const std::string to_path = loc_path + ".distribute[" + std::to_string(i) + "].to";
      long long sum = 0;
      bool all_ints = true;
      bool reported = false;
      for (const auto& e : to->entries) {
        if (!is_int(e.value)) {
          all_ints = false;  // the schema's
          continue;
        }
        const long long w = std::strtoll(std::string(e.value->text).c_str(), nullptr, 10);
        sum += w;
        if (w < 1 || w > 100) {
          out.report(ctx.file, r, e.value->position,
                     r.label() + ": " + to_path + " '" + std::string(e.key->text) + "' weight " +
                         std::string(e.value->text) +
                     " is outside 1..100; give each target locality a share between 1 and 100, summing to 100",
                     to_path + "." + std::string(e.key->text));
          reported = true;
        }
      }
      if (all_ints && !reported && sum != 100)
        report(*d.key_node("to"), to_path,
               " weights sum to " + std::to_string(sum) + ", but Istio requires exactly 100; adjust the shares");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_LoadBalancerInvalidRule() { return std::make_unique<LoadBalancerInvalidRule>(); }

}  // namespace meshc
