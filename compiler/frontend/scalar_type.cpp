#include "compiler/frontend/scalar_type.h"

#include <array>
#include <cctype>

namespace meshc {
namespace {

bool all_of(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}
bool is_dec(char c) { return (c >= '0' && c <= '9') || c == '_'; }
bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool is_bin(char c) { return c == '0' || c == '1' || c == '_'; }

bool is_int(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.starts_with("0x")) return all_of(s.substr(2), is_hex);
  if (s.starts_with("0b")) return all_of(s.substr(2), is_bin);
  if (s.starts_with("0o")) return all_of(s.substr(2), is_dec);
  return !s.empty() && s[0] != '_' && all_of(s, is_dec);
}

bool is_float(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s == ".inf" || s == ".Inf" || s == ".INF") return true;
  size_t i = 0;
  size_t digits = 0;
  while (i < s.size() && is_dec(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_dec(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    const size_t exp_start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == exp_start) return false;
  }
  return i == s.size();
}

}  // namespace

ScalarType plain_scalar_type(std::string_view v) {
  static constexpr std::array<std::string_view, 4> nulls{"~", "null", "Null", "NULL"};
  static constexpr std::array<std::string_view, 22> bools{
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True",
      "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"};
  if (v.empty()) return ScalarType::Null;
  // Most scalars are names: only these first characters can start anything
  // but a string (this runs for every plain scalar).
  constexpr std::string_view k_non_string_starts = "~nNyYtTfFoO0123456789+-.";
  if (k_non_string_starts.find(v[0]) == std::string_view::npos) return ScalarType::String;
  for (auto n : nulls)
    if (v == n) return ScalarType::Null;
  for (auto b : bools)
    if (v == b) return ScalarType::Bool;
  if (v == ".nan" || v == ".NaN" || v == ".NAN") return ScalarType::Float;
  if (is_int(v)) return ScalarType::Int;
  if (is_float(v)) return ScalarType::Float;
  return ScalarType::String;
}

bool yaml_bool_value(std::string_view v) {
  static constexpr std::array<std::string_view, 11> truths{"y",    "Y",    "yes", "Yes", "YES", "true",
                                                            "True", "TRUE", "on",  "On",  "ON"};
  for (auto t : truths)
    if (v == t) return true;
  return false;
}

ScalarType resolve_scalar_type(std::string_view tag, std::string_view value) {
  if (tag == "?") return plain_scalar_type(value);
  if (tag == "!" || tag.empty()) return ScalarType::String;
  constexpr std::string_view core = "tag:yaml.org,2002:";
  if (tag.starts_with(core)) {
    const auto t = tag.substr(core.size());
    if (t == "str" || t == "binary" || t == "timestamp") return ScalarType::String;
    if (t == "bool") return ScalarType::Bool;
    if (t == "int") return ScalarType::Int;
    if (t == "float") return ScalarType::Float;
    if (t == "null") return ScalarType::Null;
  }
  return plain_scalar_type(value);
}

}  // namespace meshc
