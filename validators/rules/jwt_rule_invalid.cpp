// MC2109 jwt-rule-invalid: a RequestAuthentication JWT rule Istio rejects.
#include <nlohmann/json.hpp>

#include "validators/rule.h"
#include "validators/values/authz_values.h"

namespace meshc {
namespace {

using authz::child;
using authz::entry;

// Go's url.Parse scheme, lower-cased; "" when there is none or the URL does not parse.
std::string url_scheme(std::string_view uri) {
  for (char c : uri)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return {};
  std::string scheme;
  for (char c : uri) {
    if (c == ':') return scheme;
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool more = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!letter && (scheme.empty() || !more)) return {};
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return {};
}

// A JWK set ({"keys": [...]}) or a single JWK ({"kty": ...}), as jwk.Parse accepts.
bool parses_as_jwks(std::string_view text) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return false;
  if (json.contains("keys")) return json["keys"].is_array();
  return json.contains("kty") && json["kty"].is_string();
}

bool valid_header_name(std::string_view h) {
  for (char c : h)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return !h.empty();
}

class JwtRuleInvalidRule final : public Rule {
 public:
  JwtRuleInvalidRule()
      : Rule({"MC2109", "jwt-rule-invalid", Severity::Error,
              "a JWT rule Istio rejects: no issuer or jwksUri, a jwksUri that is not http(s), jwks that does not parse"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!authz::is_checked(r, "RequestAuthentication")) continue;
      const Node* rules = child(*r.spec, "jwtRules");
      if (!rules || !rules->is_sequence()) continue;
      const auto report = [&](const Node& at, const std::string& path, const std::string& what) {
        out.report(ctx.file, r, at.position, r.label() + ": " + path + " " + what, path);
      };
      for (size_t i = 0; i < rules->items.size(); ++i) {
        const Node& rule = *rules->items[i];
        if (!rule.is_mapping()) continue;
        const std::string rp = "spec.jwtRules[" + std::to_string(i) + "]";
        const MapEntry* issuer = entry(rule, "issuer");
        const MapEntry* uri = entry(rule, "jwksUri");
        const bool has_issuer = issuer && issuer->value->is_string() && !issuer->value->text.empty();
        const bool has_uri = uri && uri->value->is_string() && !uri->value->text.empty();
        if (!has_issuer && !has_uri && !(issuer && !issuer->value->is_string() && !issuer->value->is_null()))
          report(issuer ? *issuer->value : rule, rp,
                 "has neither issuer nor jwksUri; set the issuer of the tokens (its 'iss' claim), e.g. "
                 "'issuer: https://accounts.example.com'");
        else if (issuer && issuer->value->is_string() && issuer->value->text.empty())
          report(*issuer->value, rp + ".issuer", "is an empty string, which Istio rejects; set the issuer or remove the field");
        if (has_uri) {
          const std::string scheme = url_scheme(uri->value->text);
          if (scheme != "http" && scheme != "https")
            report(*uri->value, rp + ".jwksUri",
                   "'" + std::string(uri->value->text) +
                       "' is not an http or https URL; give the full URL of the key set, e.g. "
                       "'https://example.com/.well-known/jwks.json'");
        }
        if (const Node* jwks = child(rule, "jwks"); jwks && jwks->is_string() && !jwks->text.empty() &&
                                                     !parses_as_jwks(jwks->text))
          report(*jwks, rp + ".jwks",
                 "does not parse as a JSON Web Key Set; give a JSON object with a 'keys' array, e.g. "
                 "'{\"keys\": [{\"kty\": \"RSA\", ...}]}'");
        for (std::string_view list : {std::string_view("audiences"), std::string_view("fromParams"),
                                      std::string_view("fromCookies"), std::string_view("spaceDelimitedClaims")}) {
          const Node* values = child(rule, list);
          if (!values || !values->is_sequence()) continue;
          for (size_t k = 0; k < values->items.size(); ++k)
            if (values->items[k]->is_string() && values->items[k]->text.empty())
              report(*values->items[k], rp + "." + std::string(list) + "[" + std::to_string(k) + "]",
                     "is an empty string, which Istio rejects; remove it");
        }
        if (const Node* headers = child(rule, "fromHeaders"); headers && headers->is_sequence())
          for (size_t k = 0; k < headers->items.size(); ++k) {
            const Node* name = headers->items[k]->is_mapping() ? child(*headers->items[k], "name") : nullptr;
            if (name && name->is_string() && name->text.empty())
              report(*name, rp + ".fromHeaders[" + std::to_string(k) + "].name",
                     "is empty; give the header that carries the token, e.g. 'x-jwt-assertion'");
          }
        if (const Node* outs = child(rule, "outputClaimToHeaders"); outs && outs->is_sequence())
          for (size_t k = 0; k < outs->items.size(); ++k) {
            if (!outs->items[k]->is_mapping()) continue;
            const std::string op = rp + ".outputClaimToHeaders[" + std::to_string(k) + "]";
            const Node* claim = child(*outs->items[k], "claim");
            const Node* header = child(*outs->items[k], "header");
            if (claim && claim->is_string() && claim->text.empty())
              report(*claim, op + ".claim", "is empty; give the claim to copy, e.g. 'sub'");
            if (header && header->is_string() && !valid_header_name(header->text))
              report(*header, op + ".header",
                     header->text.empty() ? std::string("is empty; give the header to set, e.g. 'x-jwt-sub'")
                                          : "'" + std::string(header->text) +
                                                "' is not a valid header name: use only letters, digits, '-' and "
                                                "'_', e.g. 'x-jwt-sub'");
          }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_JwtRuleInvalidRule() { return std::make_unique<JwtRuleInvalidRule>(); }

}  // namespace meshc
