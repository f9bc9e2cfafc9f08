#pragma once
// A valijson adapter over meshc's YAML tree, so resources are validated where
// they lie instead of after a copy into nlohmann::json. Included by
// schema_checker.cpp only: valijson headers are heavy.
#include <charconv>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/internal/adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>

#include "compiler/frontend/scalar_type.h"
#include "compiler/model/node.h"

namespace meshc::schema_detail {

class NodeAdapter;
class NodeArrayIterator;
class NodeMemberIterator;
using NodeMember = std::pair<std::string, NodeAdapter>;

// The JSON value of a node, for the rare constraints that keep a copy.
nlohmann::json node_to_json(const Node& node);

// A node with no items and no entries, behind default-constructed values.
inline const Node& empty() {
  static const Node node{};
  return node;
}

class NodeArray {
 public:
  using const_iterator = NodeArrayIterator;
  using iterator = NodeArrayIterator;
  NodeArray() : node_(&empty()) {}
  explicit NodeArray(const Node& node) : node_(&node) {}
  NodeArrayIterator begin() const;
  NodeArrayIterator end() const;
  size_t size() const { return node_->items.size(); }

 private:
  const Node* node_;
};

class NodeObject {
 public:
  using const_iterator = NodeMemberIterator;
  using iterator = NodeMemberIterator;
  NodeObject() : node_(&empty()) {}
  explicit NodeObject(const Node& node) : node_(&node) {}
  NodeMemberIterator begin() const;
  NodeMemberIterator end() const;
  NodeMemberIterator find(const std::string& name) const;
  size_t size() const { return node_->entries.size(); }

 private:
  const Node* node_;
};

class NodeValue {
 public:
  NodeValue() : node_(&empty()) {}
  explicit NodeValue(const Node& node) : node_(&node) {}

  valijson::adapters::FrozenValue* freeze() const {
    return new valijson::adapters::NlohmannJsonFrozenValue(node_to_json(*node_));
  }
  std::optional<NodeArray> getArrayOptional() const {
    if (isArray()) return std::make_optional(NodeArray(*node_));
    return {};
  }
  bool getArraySize(size_t& out) const {
    if (!isArray()) return false;
    out = node_->items.size();
    return true;
  }
  bool getBool(bool& out) const {
    if (!isBool()) return false;
    out = yaml_bool_value(node_->text);
    return true;
  }
  bool getDouble(double& out) const {
    if (!isDouble()) return false;
    out = std::strtod(std::string(node_->text).c_str(), nullptr);
    return true;
  }
  bool getInteger(int64_t& out) const {
    if (!isInteger()) return false;
    out = 0;  // hex, octal or huge: the type is what the schema checks
    std::from_chars(node_->text.data(), node_->text.data() + node_->text.size(), out);
    return true;
  }
  std::optional<NodeObject> getObjectOptional() const {
    if (isObject()) return std::make_optional(NodeObject(*node_));
    return {};
  }
  bool getObjectSize(size_t& out) const {
    if (!isObject()) return false;
    out = node_->entries.size();
    return true;
  }
  bool getString(std::string& out) const {
    if (!isString()) return false;
    out.assign(node_->text);
    return true;
  }
  static bool hasStrictTypes() { return true; }
  bool isArray() const { return node_->is_sequence(); }
  bool isBool() const { return scalar(ScalarType::Bool); }
  bool isDouble() const { return scalar(ScalarType::Float); }
  bool isInteger() const { return scalar(ScalarType::Int); }
  bool isNull() const { return node_->is_null(); }
  bool isNumber() const { return isInteger() || isDouble(); }
  bool isObject() const { return node_->is_mapping(); }
  bool isString() const { return scalar(ScalarType::String); }

 private:
  bool scalar(ScalarType t) const { return node_->is_scalar() && node_->scalar_type == t; }
  const Node* node_;
};

class NodeAdapter
    : public valijson::adapters::BasicAdapter<NodeAdapter, NodeArray, NodeMember, NodeObject, NodeValue> {
 public:
  NodeAdapter() = default;
  explicit NodeAdapter(const Node& node) : BasicAdapter(NodeValue(node)) {}
};

class NodeArrayIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeAdapter;
  using difference_type = NodeAdapter;
  using pointer = NodeAdapter*;
  using reference = NodeAdapter&;

  explicit NodeArrayIterator(const Node* const* at) : at_(at) {}
  NodeAdapter operator*() const { return NodeAdapter(**at_); }
  valijson::adapters::DerefProxy<NodeAdapter> operator->() const {
    return valijson::adapters::DerefProxy<NodeAdapter>(**this);
  }
  bool operator==(const NodeArrayIterator& other) const { return at_ == other.at_; }
  bool operator!=(const NodeArrayIterator& other) const { return at_ != other.at_; }
  const NodeArrayIterator& operator++() {
    ++at_;
    return *this;
  }
  NodeArrayIterator operator++(int) { return NodeArrayIterator(at_++); }
  const NodeArrayIterator& operator--() {
    --at_;
    return *this;
  }
  void advance(std::ptrdiff_t n) { at_ += n; }

 private:
  const Node* const* at_;
};

class NodeMemberIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeMember;
  using difference_type = NodeMember;
  using pointer = NodeMember*;
  using reference = NodeMember&;

  explicit NodeMemberIterator(const MapEntry* at) : at_(at) {}
  NodeMember operator*() const { return NodeMember(std::string(at_->key->text), NodeAdapter(*at_->value)); }
  valijson::adapters::DerefProxy<NodeMember> operator->() const {
    return valijson::adapters::DerefProxy<NodeMember>(**this);
  }
  bool operator==(const NodeMemberIterator& other) const { return at_ == other.at_; }
  bool operator!=(const NodeMemberIterator& other) const { return at_ != other.at_; }
  const NodeMemberIterator& operator++() {
    ++at_;
    return *this;
  }
  NodeMemberIterator operator++(int) { return NodeMemberIterator(at_++); }
  const NodeMemberIterator& operator--() {
    --at_;
    return *this;
  }

 private:
  const MapEntry* at_;
};

inline NodeArrayIterator NodeArray::begin() const { return NodeArrayIterator(node_->items.data()); }
inline NodeArrayIterator NodeArray::end() const {
  return NodeArrayIterator(node_->items.data() + node_->items.size());
}
inline NodeMemberIterator NodeObject::begin() const { return NodeMemberIterator(node_->entries.data()); }
inline NodeMemberIterator NodeObject::end() const {
  return NodeMemberIterator(node_->entries.data() + node_->entries.size());
}
inline NodeMemberIterator NodeObject::find(const std::string& name) const {
  for (const auto& e : node_->entries)
    if (e.key->text == name) return NodeMemberIterator(&e);
  return end();
}

}  // namespace meshc::schema_detail

template <>
struct valijson::adapters::AdapterTraits<meshc::schema_detail::NodeAdapter> {
  using DocumentType = meshc::Node;
  static std::string adapterName() { return "NodeAdapter"; }
};
