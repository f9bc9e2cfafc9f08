// MC2005 duplicate-destination: the same host, subset and port twice in one
// route (http, tcp or tls). The note points at the first.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "validators/rule.h"
#include "validators/values/route_weights.h"

namespace meshc {
namespace {

// host|subset|port of a destination, the host lowercased and a short name
// completed with the VirtualService's namespace as Istio resolves it; empty
// when the destination has no string host, or its own header operations (two
// entries that set different headers may be meant).
std::string destination_key(const Node& item, const std::string& ns) {
  if (!item.is_mapping() || item.get("headers") != nullptr) return "";
  const Node* dest = item.get("destination");
  if (dest == nullptr || !dest->is_mapping()) return "";
  const Node* host = dest->get("host");
  if (host == nullptr || !host->is_string() || host->text.empty()) return "";
  std::string key(host->text);
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
  if (key.find('.') == std::string::npos && key.find('*') == std::string::npos && !ns.empty())
    key += "." + ns + ".svc.cluster.local";
  key += '|';
  if (const Node* subset = dest->get("subset"); subset != nullptr && subset->is_scalar()) key += subset->text;
  key += '|';
  if (const Node* port = dest->get("port"); port != nullptr && port->is_mapping())
    if (const Node* number = port->get("number"); number != nullptr && number->is_scalar()) key += number->text;
  return key;
}

// "host reviews, subset v2, port 9080" for a message.
std::string describe(const Node& item) {
  const Node* dest = item.get("destination");
  std::string out = "host " + std::string(dest->get("host")->text);
  if (const Node* subset = dest->get("subset"); subset != nullptr && subset->is_scalar())
    out += ", subset " + std::string(subset->text);
  if (const Node* port = dest->get("port"); port != nullptr && port->is_mapping())
    if (const Node* number = port->get("number"); number != nullptr && number->is_scalar())
      out += ", port " + std::string(number->text);
  return out;
}

class DuplicateDestinationRule final : public Rule {
 public:
  DuplicateDestinationRule()
      : Rule({"MC2005", "duplicate-destination", Severity::Warning,
              "the same host+subset+port twice in one route"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    std::vector<std::string> keys;
    for (const auto& r : ctx.resources) {
      if (!r.is_checked("VirtualService")) continue;
      for_each_route(*r.root, [&](std::string_view kind, size_t index, const Node&, const Node& route) {
        if (route.items.size() < 2) return;
        keys.clear();
        for (const Node* item : route.items) keys.push_back(destination_key(*item, r.ns));
        for (size_t j = 1; j < keys.size(); ++j) {
          if (keys[j].empty()) continue;
          const auto first = std::find(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(j), keys[j]);
          if (first == keys.begin() + static_cast<std::ptrdiff_t>(j)) continue;
          const size_t k = static_cast<size_t>(first - keys.begin());
          const std::string base = route_path(kind, index);
          const std::string path = base + "[" + std::to_string(j) + "]";
          const Node& item = *route.items[j];
          const Node* key = item.key_node("destination");
          const Node* first_key = route.items[k]->key_node("destination");
          auto& d = out.report(ctx.file, r, key->position,
                               r.label() + ": " + path + " (" + describe(item) + ") is the same destination as " +
                                   base + "[" + std::to_string(k) +
                                   "]; merge them into one entry, with the sum of their weights if they have any",
                               path);
          d.related.push_back({{ctx.file.name(), first_key->position.line, first_key->position.column},
                               "first given here"});
        }
      });
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_DuplicateDestinationRule() { return std::make_unique<DuplicateDestinationRule>(); }

}  // namespace meshc
