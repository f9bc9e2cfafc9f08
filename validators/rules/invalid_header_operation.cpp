// MC2017 invalid-header-operation: header operations (`headers.request` and
// `headers.response` of an HTTP route or of one of its destinations) that
// Istio's webhook or Envoy rejects.
#include <string>

#include "validators/rule.h"
#include "validators/values/field_paths.h"

namespace meshc {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool is_authority(std::string_view name) { return iequals(name, ":authority") || iequals(name, "host"); }

bool is_upper_var(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

std::string hex(unsigned char c) {
  constexpr char digits[] = "0123456789abcdef";
  return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

// Why Envoy cannot use `value` as a header value, or empty: no control
// characters other than tab; every `%` is `%%` or part of `%VAR%`,
// `%VAR(...)%` or `%VAR(...):N%`.
std::string value_problem(std::string_view value) {
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7f) return "contains the control character " + hex(c);
  }
  size_t i = 0;
  while ((i = value.find('%', i)) != std::string_view::npos) {
    if (i + 1 < value.size() && value[i + 1] == '%') {
      i += 2;
      continue;
    }
    size_t j = i + 1;
    while (j < value.size() && is_upper_var(value[j])) ++j;
    bool ok = j > i + 1;
    if (ok && j < value.size() && value[j] == '(') {
      // The parameters may hold anything (START_TIME's format has `%`): the
      // first `)` followed by an optional `:N` and a `%` closes them.
      ok = false;
      for (size_t close = value.find(')', j); close != std::string_view::npos; close = value.find(')', close + 1)) {
        size_t k = close + 1;
        if (k < value.size() && value[k] == ':') {
          ++k;
          const size_t digits = k;
          while (k < value.size() && value[k] >= '0' && value[k] <= '9') ++k;
          if (k == digits) continue;
        }
        if (k < value.size() && value[k] == '%') {
          ok = true;
          j = k;
          break;
        }
      }
    } else if (ok) {
      ok = j < value.size() && value[j] == '%';
    }
    if (!ok) return "has a '%' at offset " + std::to_string(i) + " that neither is escaped as '%%' nor forms a %VARIABLE%";
    i = j + 1;
  }
  return {};
}

class InvalidHeaderOperationRule final : public Rule {
 public:
  InvalidHeaderOperationRule()
      : Rule({"MC2017", "invalid-header-operation", Severity::Error,
              "header operations Istio rejects (':'-prefixed names, setting the authority twice, control characters, "
              "unescaped '%')"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      const Node* spec = r.root->get("spec");
      if (spec == nullptr || !spec->is_mapping()) continue;
      const Node* http = spec->get("http");
      if (http == nullptr || !http->is_sequence()) continue;
      auto report = [&](const Node& at, const std::string& path, const std::string& message) {
        out.report(ctx.file, r, at.position, r.label() + ": " + path + " " + message, path);
      };

      // A name in remove lists and response operations: no `host`, no `:` names.
      auto check_plain_name = [&](const Node& name_node, const std::string& path, const char* what) {
        const std::string_view name = name_node.text;
        if (name.empty())
          report(name_node, path, "has an empty header name; name the header");
        else if (iequals(name, "host") || name.front() == ':')
          report(name_node, path,
                 "'" + std::string(name) + "' cannot be " + what +
                     ": Envoy manages Host and the ':' pseudo-headers; drop this entry");
      };
      auto check_value = [&](const Node& value, const std::string& path) {
        if (!value.is_string()) return;
        const std::string why = value_problem(value.text);
        if (!why.empty())
          report(value, path, "value " + why + "; remove control characters, and write a literal '%' as '%%'");
      };

      // headers at `base` (a route or a destination).
      auto check_headers = [&](const Node& headers, const std::string& base) {
        if (!headers.is_mapping()) return;
        for (const bool request : {true, false}) {
          const char* side = request ? "request" : "response";
          const Node* ops = headers.get(side);
          if (ops == nullptr || !ops->is_mapping()) continue;
          for (const char* op : {"set", "add"}) {
            const Node* map = ops->get(op);
            if (map == nullptr || !map->is_mapping()) continue;
            const std::string prefix = base + ".headers." + side + "." + op;
            for (const MapEntry& e : map->entries) {
              if (!e.key->is_scalar()) continue;
              const std::string_view name = e.key->text;
              const std::string path = prefix + "." + std::string(name);
              if (name.empty())
                report(*e.key, prefix, "has an empty header name; name the header");
              else if (!request)
                check_plain_name(*e.key, path, "changed in a response");
              else if (name.front() == ':' && !iequals(name, ":authority"))
                report(*e.key, path,
                       "'" + std::string(name) +
                           "' is a pseudo-header that routes cannot " + op +
                           "; only ':authority' (or 'host') may be set, other ':' headers are Envoy's");
              check_value(*e.value, path);
            }
          }
          const Node* remove = ops->get("remove");
          if (remove == nullptr || !remove->is_sequence()) continue;
          for (size_t i = 0; i < remove->items.size(); ++i) {
            const Node& item = *remove->items[i];
            if (!item.is_string()) continue;
            check_plain_name(item, base + ".headers." + side + ".remove[" + std::to_string(i) + "]",
                             request ? "removed from a request" : "removed from a response");
          }
        }
      };

      for (size_t h = 0; h < http->items.size(); ++h) {
        const Node& route = *http->items[h];
        if (!route.is_mapping()) continue;
        const std::string base = "spec.http[" + std::to_string(h) + "]";
        if (const Node* headers = route.get("headers"); headers != nullptr) {
          check_headers(*headers, base);
          // The authority may be set once: rewrite.authority, or one set/add
          // of :authority or host.
          std::string current, current_path;
          if (const Node* rewrite = route.get("rewrite"); rewrite != nullptr && rewrite->is_mapping())
            if (const Node* a = rewrite->get("authority"); a != nullptr && a->is_string()) {
              current = std::string(a->text);
              current_path = base + ".rewrite.authority";
            }
          bool reported = false;
          if (const Node* req = headers->is_mapping() ? headers->get("request") : nullptr;
              req != nullptr && req->is_mapping()) {
            for (const char* op : {"set", "add"}) {
              const Node* map = req->get(op);
              if (map == nullptr || !map->is_mapping()) continue;
              for (const MapEntry& e : map->entries) {
                if (reported || !e.key->is_scalar() || !is_authority(e.key->text)) continue;
                const std::string path = base + ".headers.request." + op + "." + std::string(e.key->text);
                if (!current.empty()) {
                  report(*e.key, path,
                         "sets the authority again after " + current_path + " '" + current +
                             "'; set it in one place only");
                  reported = true;
                  continue;
                }
                if (e.value->is_scalar()) {
                  current = std::string(e.value->text);
                  current_path = path;
                }
              }
            }
          }
        }
        const Node* destinations = route.get("route");
        if (destinations == nullptr || !destinations->is_sequence()) continue;
        for (size_t d = 0; d < destinations->items.size(); ++d) {
          const Node& dest = *destinations->items[d];
          if (!dest.is_mapping()) continue;
          if (const Node* headers = dest.get("headers"); headers != nullptr)
            check_headers(*headers, base + ".route[" + std::to_string(d) + "]");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_InvalidHeaderOperationRule() { return std::make_unique<InvalidHeaderOperationRule>(); }

}  // namespace meshc
