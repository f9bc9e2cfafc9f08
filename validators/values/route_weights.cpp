#include "validators/values/route_weights.h"

#include <charconv>

namespace meshc {

size_t key_count(const Node& map, std::string_view key) {
  size_t n = 0;
  for (const auto& e : map.entries) n += e.key != nullptr && e.key->text == key;
  return n;
}

std::optional<int64_t> weight_value(const Node& node) {
  if (!node.is_scalar() || node.scalar_type != ScalarType::Int) return std::nullopt;
  std::string_view text = node.text;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  int64_t n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n > 2147483648LL) return std::nullopt;
  if (negative) n = -n;
  if (n > 2147483647LL) return std::nullopt;
  return n;
}

bool read_destinations(const Node& route, std::vector<Destination>& out) {
  out.clear();
  for (const Node* item : route.items) {
    if (!item->is_mapping() || key_count(*item, "weight") > 1) return false;
    for (const auto& e : item->entries)
      if (e.key == nullptr || (e.key->text != "destination" && e.key->text != "weight" && e.key->text != "headers"))
        return false;
    Destination d{item, nullptr, 0};
    if (const Node* weight = item->get("weight"); weight != nullptr) {
      const auto v = weight_value(*weight);
      if (!v) return false;
      d.weight = weight;
      d.value = *v;
    }
    out.push_back(d);
  }
  return true;
}

std::string route_path(std::string_view kind, size_t index) {
  return "spec." + std::string(kind) + "[" + std::to_string(index) + "].route";
}

}  // namespace meshc
