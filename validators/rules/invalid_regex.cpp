// MC2008 invalid-regex: a regex in a VirtualService that Istio's webhook
// rejects: not valid RE2, empty, or over 1024 characters.
#include "compiler/match/regex.h"
#include "validators/rule.h"

namespace meshc {
namespace {

class InvalidRegexRule final : public Rule {
 public:
  InvalidRegexRule()
      : Rule({"MC2008", "invalid-regex", Severity::Error,
              "a regex that is not valid RE2 (lookaheads, backreferences, unbalanced groups), empty, or over 1024 "
              "characters"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      // `value` is a regex string; `path` builds its field path when reported.
      auto check = [&](const Node& value, const auto& path) {
        if (!value.is_string()) return;  // the wrong type is the schema rule's
        const auto error = regex_error(value.text);
        if (!error) return;
        std::string shown(value.text.substr(0, 60));
        if (value.text.size() > 60) shown += "...";
        const std::string where = path();
        out.report(ctx.file, r, value.position,
                   r.label() + ": " + where + " '" + shown + "' is not a regex Istio accepts (" + *error +
                       "); use RE2 syntax (no lookarounds or backreferences), non-empty and at most 1024 characters",
                   where);
      };
      // The regex of a StringMatch `sm` at `path`.
      auto string_match = [&](const Node& sm, bool star_exempt, const auto& path) {
        const Node* re = sm.is_mapping() ? sm.get("regex") : nullptr;
        if (re == nullptr || (star_exempt && re->is_string() && re->text == "*")) return;
        check(*re, [&] { return path() + ".regex"; });
      };
      const Node* spec = r.root->get("spec");
      const Node* http = spec != nullptr && spec->is_mapping() ? spec->get("http") : nullptr;
      if (http == nullptr || !http->is_sequence()) continue;
      for (size_t h = 0; h < http->items.size(); ++h) {
        const Node& route = *http->items[h];
        if (!route.is_mapping()) continue;
        auto route_path = [&] { return "spec.http[" + std::to_string(h) + "]"; };
        for (const MapEntry& field : route.entries) {
          const std::string_view name = field.key->str();
          const Node& value = *field.value;
          if (name == "match" && value.is_sequence()) {
            for (size_t m = 0; m < value.items.size(); ++m) {
              const Node& match = *value.items[m];
              if (!match.is_mapping()) continue;
              for (const MapEntry& e : match.entries) {
                const std::string_view key = e.key->str();
                auto key_path = [&] { return route_path() + ".match[" + std::to_string(m) + "]." + std::string(key); };
                if (key == "uri" || key == "scheme" || key == "method" || key == "authority") {
                  string_match(*e.value, false, key_path);
                  continue;
                }
                const bool without = key == "withoutHeaders" || key == "without_headers";
                if (!without && key != "headers" && key != "queryParams" && key != "query_params") continue;
                if (!e.value->is_mapping()) continue;
                for (const MapEntry& item : e.value->entries)
                  string_match(*item.value, without, [&] { return key_path() + "." + std::string(item.key->str()); });
              }
            }
          } else if (name == "rewrite" && value.is_mapping()) {
            const Node* rr = value.get("uriRegexRewrite");
            if (rr == nullptr) rr = value.get("uri_regex_rewrite");
            const Node* match = rr != nullptr && rr->is_mapping() ? rr->get("match") : nullptr;
            if (match != nullptr)
              check(*match, [&] {
                return route_path() + ".rewrite." + std::string(rr == value.get("uriRegexRewrite") ? "uriRegexRewrite"
                                                                                                  : "uri_regex_rewrite") +
                       ".match";
              });
          } else if ((name == "corsPolicy" || name == "cors_policy") && value.is_mapping()) {
            const bool camel = value.get("allowOrigins") != nullptr;
            const Node* origins = camel ? value.get("allowOrigins") : value.get("allow_origins");
            if (origins == nullptr || !origins->is_sequence()) continue;
            for (size_t o = 0; o < origins->items.size(); ++o)
              string_match(*origins->items[o], false, [&] {
                return route_path() + "." + std::string(name) + (camel ? ".allowOrigins[" : ".allow_origins[") +
                       std::to_string(o) + "]";
              });
          }
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_InvalidRegexRule() { return std::make_unique<InvalidRegexRule>(); }

}  // namespace meshc
