// MC2106 authz-invalid-rule: what Istio's webhook rejects in the rules of an
// AuthorizationPolicy (DENY without rules, empty from/to, empty sources and
// operations, bad IPs, ports, service accounts, trust domains, empty values,
// conditions without key or values).
#include <array>

#include "validators/rule.h"
#include "validators/values/authz_values.h"

namespace meshc {
namespace {

using authz::child;
using authz::entry;

constexpr std::array<std::string_view, 14> k_source_fields{
    "principals",    "notPrincipals",  "requestPrincipals", "notRequestPrincipals", "namespaces",
    "notNamespaces", "ipBlocks",       "notIpBlocks",       "remoteIpBlocks",       "notRemoteIpBlocks",
    "serviceAccounts", "notServiceAccounts", "trustDomains", "notTrustDomains"};
constexpr std::array<std::string_view, 8> k_operation_fields{"hosts",    "notHosts", "ports", "notPorts",
                                                             "methods", "notMethods", "paths", "notPaths"};

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

class AuthzInvalidRuleRule final : public Rule {
 public:
  AuthzInvalidRuleRule()
      : Rule({"MC2106", "authz-invalid-rule", Severity::Error,
              "an AuthorizationPolicy rule Istio rejects: DENY without rules, empty from/to, bad IPs, ports or values"}) {
  }

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!authz::is_checked(r, "AuthorizationPolicy")) continue;
      check_policy(ctx, r, out);
    }
  }

 private:
  static void check_policy(const DocumentContext& ctx, const Resource& r, FindingSink& out) {
    const std::string spec = "spec";
    const auto report = [&](const Node& at, const std::string& path, const std::string& what) {
      out.report(ctx.file, r, at.position, r.label() + ": " + path + " " + what, path);
    };
    const MapEntry* action = entry(*r.spec, "action");
    const Node* rules = child(*r.spec, "rules");
    if (action && action->value->str() == "DENY" &&
        (!rules || rules->is_null() || (rules->is_sequence() && rules->items.empty())))
      report(*action->value, spec + ".action",
             "DENY without rules never triggers and Istio rejects it; add rules, or 'rules: [{}]' to deny every request");
    if (!rules || !rules->is_sequence()) return;
    for (size_t i = 0; i < rules->items.size(); ++i) {
      const Node& rule = *rules->items[i];
      if (!rule.is_mapping()) continue;
      const std::string rp = spec + ".rules[" + std::to_string(i) + "]";
      check_list(rule, "from", "source", k_source_fields, rp, report);
      check_list(rule, "to", "operation", k_operation_fields, rp, report);
      if (const Node* from = child(rule, "from"); from && from->is_sequence())
        for (size_t j = 0; j < from->items.size(); ++j)
          if (const Node* src = from->items[j]->is_mapping() ? child(*from->items[j], "source") : nullptr;
              src && src->is_mapping())
            check_source(*src, rp + ".from[" + std::to_string(j) + "].source", report);
      if (const Node* to = child(rule, "to"); to && to->is_sequence())
        for (size_t j = 0; j < to->items.size(); ++j)
          if (const Node* op = to->items[j]->is_mapping() ? child(*to->items[j], "operation") : nullptr;
              op && op->is_mapping())
            check_operation(*op, rp + ".to[" + std::to_string(j) + "].operation", report);
      if (const Node* when = child(rule, "when"); when && when->is_sequence())
        for (size_t j = 0; j < when->items.size(); ++j)
          if (when->items[j]->is_mapping())
            check_condition(*when->items[j], rp + ".when[" + std::to_string(j) + "]", report);
    }
  }

  template <class Fields, class Report>
  static void check_list(const Node& rule, std::string_view list, std::string_view inner, const Fields& fields,
                         const std::string& rp, const Report& report) {
    const MapEntry* e = entry(rule, list);
    if (!e || !e->value->is_sequence()) return;
    const std::string path = rp + "." + std::string(list);
    if (e->value->items.empty()) {
      report(*e->key, path, "is an empty list, which Istio rejects; remove it or add an entry with a " +
                                std::string(inner));
      return;
    }
    for (size_t j = 0; j < e->value->items.size(); ++j) {
      const Node& item = *e->value->items[j];
      if (!item.is_mapping()) continue;  // schema's
      const std::string ip = path + "[" + std::to_string(j) + "]";
      const MapEntry* in = entry(item, inner);
      if (!in || in->value->is_null()) {
        report(in ? *in->key : item, ip, "has no " + std::string(inner) + ", which Istio rejects; give it at least one " +
                                             std::string(inner) + " field or remove the entry");
        continue;
      }
      if (!in->value->is_mapping()) continue;
      bool any = false;
      for (std::string_view f : fields) any = any || authz::non_empty_list(*in->value, f);
      if (!any)
        report(*in->key, ip + "." + std::string(inner),
               "sets no field, which Istio rejects; set at least one field or remove the entry");
    }
  }

  template <class Report>
  static void check_source(const Node& src, const std::string& sp, const Report& report) {
    for (const auto& e : src.entries) {
      if (!e.value->is_sequence() || !e.key->is_scalar()) continue;
      std::string field;
      for (std::string_view f : k_source_fields)
        if (entry(src, f) == &e) field = std::string(f);
      if (field.empty()) continue;
      const std::string path = sp + "." + field;
      const bool ips = field.find("IpBlocks") != std::string::npos || field.find("ipBlocks") != std::string::npos;
      const bool sas = field == "serviceAccounts" || field == "notServiceAccounts";
      const bool tds = field == "trustDomains" || field == "notTrustDomains";
      if (sas && e.value->items.size() > 16)
        report(*e.key, path, "has " + std::to_string(e.value->items.size()) +
                                 " values; Istio allows at most 16 service accounts per source, split the source");
      for (size_t k = 0; k < e.value->items.size(); ++k) {
        const Node& v = *e.value->items[k];
        if (!v.is_string()) continue;
        const std::string vp = path + "[" + std::to_string(k) + "]";
        if (v.text.empty()) {
          report(v, vp, "is an empty string, which Istio rejects; remove it");
        } else if (ips && !authz::is_ip_or_cidr(v.text)) {
          report(v, vp, quoted(v.text) + " is not an IP address or CIDR range; use e.g. '10.0.0.1' or '10.0.0.0/16'");
        } else if (sas) {
          if (auto p = authz::service_account_problem(v.text); !p.empty()) report(v, vp, quoted(v.text) + " " + p);
        } else if (tds) {
          if (auto p = authz::trust_domain_problem(v.text); !p.empty()) report(v, vp, quoted(v.text) + " " + p);
        }
      }
    }
  }

  template <class Report>
  static void check_operation(const Node& op, const std::string& opp, const Report& report) {
    for (std::string_view f : k_operation_fields) {
      const Node* list = child(op, f);
      if (!list || !list->is_sequence()) continue;
      const std::string path = opp + "." + std::string(f);
      const bool ports = f == "ports" || f == "notPorts";
      for (size_t k = 0; k < list->items.size(); ++k) {
        const Node& v = *list->items[k];
        if (!v.is_string()) continue;
        const std::string vp = path + "[" + std::to_string(k) + "]";
        if (v.text.empty())
          report(v, vp, "is an empty string, which Istio rejects; remove it");
        else if (ports && !authz::is_port_string(v.text))
          report(v, vp, quoted(v.text) + " is not a port number 0..65535; use e.g. '8080'");
      }
    }
  }

  template <class Report>
  static void check_condition(const Node& cond, const std::string& cp, const Report& report) {
    const MapEntry* key = entry(cond, "key");
    if (key && key->value->is_string() && key->value->text.empty()) {
      report(*key->value, cp + ".key", "is empty; give the attribute to match, e.g. 'request.headers[x-user]'");
      return;
    }
    if (!key || !key->value->is_string()) return;  // schema's
    const std::string_view k = key->value->text;
    const bool has_values = authz::non_empty_list(cond, "values") || authz::non_empty_list(cond, "notValues");
    if (!has_values) {
      report(*key->key, cp, "condition " + quoted(k) +
                                " has neither values nor notValues, which Istio rejects; add the values to match");
      return;
    }
    for (std::string_view list_name : {std::string_view("values"), std::string_view("notValues")}) {
      const Node* list = child(cond, list_name);
      if (!list || !list->is_sequence()) continue;
      const std::string path = cp + "." + std::string(list_name);
      for (size_t i = 0; i < list->items.size(); ++i) {
        const Node& v = *list->items[i];
        if (!v.is_string()) continue;
        const std::string vp = path + "[" + std::to_string(i) + "]";
        if (v.text.empty()) {
          report(v, vp, "is an empty string, which Istio rejects; remove it");
        } else if ((k == "source.ip" || k == "remote.ip" || k == "destination.ip") && !authz::is_ip_or_cidr(v.text)) {
          report(v, vp, quoted(v.text) + " is not an IP address or CIDR range for " + std::string(k) +
                            "; use e.g. '10.0.0.1' or '10.0.0.0/16'");
        } else if (k == "destination.port" && !authz::is_port_string(v.text)) {
          report(v, vp, quoted(v.text) + " is not a port number 0..65535 for destination.port; use e.g. '8080'");
        } else if (k == "source.serviceAccount") {
          if (auto p = authz::service_account_problem(v.text); !p.empty()) report(v, vp, quoted(v.text) + " " + p);
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_AuthzInvalidRuleRule() { return std::make_unique<AuthzInvalidRuleRule>(); }

}  // namespace meshc
