#include "compiler/frontend/yaml_reader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "compiler/frontend/scalar_type.h"

namespace meshc {
namespace {

// yaml-cpp reads from a std::istream: this one reads the file's text in
// place rather than from a copy.
class ViewBuffer final : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only read: get area
    setg(begin, begin, begin + text.size());
  }
};

// Thrown by the handler to stop yaml-cpp at a limit or at an error it misses.
struct LimitExceeded {
  YAML::Mark mark;
  std::string message;
};

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceFile& file, size_t base, size_t end, const ReaderLimits& limits, YamlDocument& doc)
      : file_(file), base_(base), end_(end), limits_(limits), doc_(doc) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    doc_.start = position(mark);
    start_mark_ = mark;
  }
  const YAML::Mark& start_mark() const { return start_mark_; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node* n = doc_.arena.new_node();
    n->kind = NodeKind::Null;
    n->position = position(mark);
    add(n, mark, anchor, 1, 0);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw LimitExceeded{mark, "unknown alias"};
    alias_nodes_ += it->second.size;
    if (alias_nodes_ > limits_.max_alias_nodes)
      throw LimitExceeded{mark, "aliases expand to more than " + std::to_string(limits_.max_alias_nodes) +
                                    " nodes (the alias expansion limit; see docs/input.md)"};
    // An alias puts its whole subtree here: it nests as deep as if written out.
    if (stack_.size() + it->second.height > limits_.max_depth) throw too_deep(mark);
    add(it->second.node, mark, 0, it->second.size, it->second.height);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (tag == "!") check_quote_closed(mark);
    Node* n = doc_.arena.new_node();
    n->position = position(mark);
    n->text = doc_.arena.copy(value);
    n->scalar_type = resolve_scalar_type(tag, value);
    n->kind = n->scalar_type == ScalarType::Null ? NodeKind::Null : NodeKind::Scalar;
    add(n, mark, anchor, 1, 0);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, NodeKind::Sequence, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, NodeKind::Mapping, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node* node;
    YAML::Mark mark;
    YAML::anchor_t anchor;
    uint64_t size = 1;
    uint32_t height = 1;  // levels of collections in this subtree
    std::vector<const Node*> items;
    std::vector<MapEntry> entries;
    const Node* pending_key = nullptr;
    // Keys seen so far, for duplicate detection: most mappings are small and a
    // scan of `entries` is cheaper; large ones get an index.
    std::unique_ptr<std::unordered_map<std::string_view, const Node*>> key_index;
    size_t first_key_offset = 0;
  };
  struct Anchored {
    const Node* node;
    uint64_t size;
    uint32_t height;
  };

  LimitExceeded too_deep(const YAML::Mark& mark) const {
    return LimitExceeded{mark, "nesting deeper than " + std::to_string(limits_.max_depth) +
                                   " levels (the depth limit; see docs/input.md)"};
  }

  // yaml-cpp ends a quoted scalar that is never closed at the end of the
  // stream without an error; Kubernetes rejects it.
  void check_quote_closed(const YAML::Mark& mark) const {
    const std::string_view text = file_.text();
    size_t i = base_ + static_cast<size_t>(mark.pos < 0 ? 0 : mark.pos);
    if (i >= end_ || (text[i] != '"' && text[i] != '\'')) return;
    const char quote = text[i];
    for (++i; i < end_; ++i) {
      if (quote == '"' && text[i] == '\\') ++i;
      else if (text[i] == quote && quote == '\'' && i + 1 < end_ && text[i + 1] == '\'') ++i;
      else if (text[i] == quote) return;
    }
    throw LimitExceeded{mark, std::string("a quoted string opened here is never closed (missing ") + quote + ")"};
  }

  Position position(const YAML::Mark& mark) {
    return file_.position_at(base_ + static_cast<size_t>(mark.pos < 0 ? 0 : mark.pos), cursor_);
  }

  void open(const YAML::Mark& mark, NodeKind kind, YAML::anchor_t anchor) {
    if (stack_.size() >= limits_.max_depth) throw too_deep(mark);
    Node* n = doc_.arena.new_node();
    n->kind = kind;
    n->position = position(mark);
    Frame f{n, mark, anchor, 1, 1, {}, {}, nullptr, nullptr};
    if (kind == NodeKind::Sequence) f.items = take_spare(spare_items());
    else f.entries = take_spare(spare_entries());
    stack_.push_back(std::move(f));
  }

  // A document has thousands of small mappings and sequences; their lists of
  // children are collected in vectors that are recycled per thread, since
  // allocating each one anew was a good part of the reader's time.
  static std::vector<std::vector<MapEntry>>& spare_entries() {
    thread_local std::vector<std::vector<MapEntry>> spare;
    return spare;
  }
  static std::vector<std::vector<const Node*>>& spare_items() {
    thread_local std::vector<std::vector<const Node*>> spare;
    return spare;
  }
  template <class T>
  static std::vector<T> take_spare(std::vector<std::vector<T>>& spare) {
    if (spare.empty()) return {};
    std::vector<T> v = std::move(spare.back());
    spare.pop_back();
    return v;
  }
  template <class T>
  static void give_back(std::vector<std::vector<T>>& spare, std::vector<T>& v) {
    // Keep modest lists only: one huge mapping should not pin its memory.
    if (v.capacity() == 0 || v.capacity() > 4096 || spare.size() >= 256) return;
    v.clear();
    spare.push_back(std::move(v));
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (const Node* scalar = colon_ended_scalar(f)) {
      add(scalar, f.mark, f.anchor, 1, 0);
      return;
    }
    if (f.node->kind == NodeKind::Sequence) {
      f.node->items = doc_.arena.copy(std::span<const Node* const>(f.items));
      give_back(spare_items(), f.items);
    } else {
      apply_merge_keys(f.entries);
      f.node->entries = doc_.arena.copy(std::span<const MapEntry>(f.entries));
      give_back(spare_entries(), f.entries);
    }
    add(f.node, f.mark, f.anchor, f.size, f.height);
  }

  // `<<: *defaults` (or a list of them) merges the keys of other mappings
  // into this one, as Kubernetes' YAML 1.1 parser does: keys written here win,
  // then the earlier merged mapping wins.
  static void apply_merge_keys(std::vector<MapEntry>& entries) {
    const auto is_merge = [](const MapEntry& e) { return e.key->is_scalar() && e.key->text == "<<"; };
    if (std::none_of(entries.begin(), entries.end(), is_merge)) return;
    std::vector<MapEntry> merged;
    std::vector<const Node*> sources;
    for (const auto& e : entries) {
      if (!is_merge(e)) {
        merged.push_back(e);
      } else if (e.value->is_mapping()) {
        sources.push_back(e.value);
      } else if (e.value->is_sequence()) {
        for (const Node* item : e.value->items)
          if (item->is_mapping()) sources.push_back(item);
      } else {
        merged.push_back(e);  // not mergeable: left for the schema check to report
      }
    }
    std::unordered_set<std::string_view> present;
    for (const auto& m : merged)
      if (m.key->is_scalar()) present.insert(m.key->text);
    for (const Node* source : sources) {
      for (const auto& inherited : source->entries) {
        if (inherited.key->is_scalar() && !present.insert(inherited.key->text).second) continue;
        merged.push_back(inherited);
      }
    }
    entries = std::move(merged);
  }

  // In a flow sequence, yaml-cpp reads `[fe80::, 10.0.0.1]` as a one-pair
  // mapping {"fe80:": null}, following YAML 1.2; Kubernetes' YAML 1.1 parser,
  // and so Istio, reads the string "fe80::". Undo yaml-cpp's reading.
  const Node* colon_ended_scalar(const Frame& f) {
    if (f.node->kind != NodeKind::Mapping || f.entries.size() != 1 || stack_.empty() ||
        stack_.back().node->kind != NodeKind::Sequence)
      return nullptr;
    const MapEntry& e = f.entries[0];
    if (!e.key->is_scalar() || !e.value->is_null() || !e.value->text.empty()) return nullptr;
    const std::string_view text = file_.text();
    const size_t key_end = f.first_key_offset + e.key->text.size();
    // Offsets are yaml-cpp's; for UTF-16 input they are not byte offsets.
    if (key_end >= end_ || text.substr(f.first_key_offset, e.key->text.size()) != e.key->text) return nullptr;
    if (key_end >= text.size() || text[key_end] != ':') return nullptr;
    const size_t next = key_end + 1;
    if (next >= text.size() || (text[next] != ',' && text[next] != ']')) return nullptr;
    Node* n = doc_.arena.new_node();
    n->kind = NodeKind::Scalar;
    n->position = e.key->position;
    n->text = doc_.arena.copy(std::string(e.key->text) + ":");
    n->scalar_type = resolve_scalar_type("?", n->text);
    return n;
  }

  // The earlier key with the same text as `key` in this mapping, if any.
  static const Node* find_key(Frame& f, const Node* key) {
    constexpr size_t k_scan_limit = 32;
    if (f.entries.size() < k_scan_limit) {
      for (const auto& e : f.entries)
        if ((e.key->is_scalar() || e.key->is_null()) && e.key->text == key->text) return e.key;
      return nullptr;
    }
    if (!f.key_index) {
      f.key_index = std::make_unique<std::unordered_map<std::string_view, const Node*>>();
      for (const auto& e : f.entries) f.key_index->emplace(e.key->text, e.key);
    }
    auto [it, inserted] = f.key_index->emplace(key->text, key);
    return inserted ? nullptr : it->second;
  }

  void add(const Node* n, const YAML::Mark& mark, YAML::anchor_t anchor, uint64_t size, uint32_t height) {
    if (anchor != 0) anchors_[anchor] = Anchored{n, size, height};
    if (stack_.empty()) {
      doc_.root = n;
      return;
    }
    Frame& top = stack_.back();
    top.size += size;
    top.height = std::max(top.height, height + 1);
    if (top.node->kind == NodeKind::Sequence) {
      top.items.push_back(n);
      return;
    }
    if (top.pending_key == nullptr) {
      top.pending_key = n;
      if (top.entries.empty()) top.first_key_offset = base_ + static_cast<size_t>(mark.pos < 0 ? 0 : mark.pos);
      if (n->is_scalar() || n->is_null()) {
        if (const Node* first = find_key(top, n)) {
          doc_.problems.push_back({YamlProblem::Kind::DuplicateKey, n->position,
                                   "duplicate key '" + std::string(n->text) + "'", first->position});
        }
      }
      return;
    }
    top.entries.push_back(MapEntry{top.pending_key, n});
    top.pending_key = nullptr;
  }

  const SourceFile& file_;
  size_t base_;
  size_t end_;
  const ReaderLimits& limits_;
  YamlDocument& doc_;
  std::vector<Frame> stack_;
  YAML::Mark start_mark_;
  SourceFile::Cursor cursor_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  uint64_t alias_nodes_ = 0;
};

}  // namespace

std::vector<std::unique_ptr<YamlDocument>> read_yaml_documents(const SourceFile& file, size_t begin,
                                                               size_t end, const ReaderLimits& limits) {
  std::vector<std::unique_ptr<YamlDocument>> docs;
  // yaml-cpp drops a byte order mark and counts positions after it.
  if (file.text().substr(begin, end - begin).starts_with("\xEF\xBB\xBF")) begin += 3;
  ViewBuffer buffer(file.text().substr(begin, end - begin));
  std::istream in(&buffer);
  YAML::Parser parser(in);
  const auto fail = [&](const YAML::Mark& mark, std::string message) {
    if (docs.empty() || docs.back()->root != nullptr) docs.push_back(std::make_unique<YamlDocument>());
    const size_t offset = begin + static_cast<size_t>(mark.pos < 0 ? 0 : mark.pos);
    docs.back()->problems.push_back(
        {YamlProblem::Kind::Syntax, file.position_at(std::min(offset, end)), std::move(message), {}});
  };
  int last_start = -1;
  while (true) {
    auto doc = std::make_unique<YamlDocument>();
    TreeBuilder builder(file, begin, end, limits, *doc);
    try {
      if (!parser.HandleNextDocument(builder)) break;
      // On some stray tokens (a `,` at block level) yaml-cpp returns empty
      // documents forever without moving on: stop at the first repeat.
      if (builder.start_mark().pos == last_start) {
        const size_t at = begin + static_cast<size_t>(std::max(0, last_start));
        const char c = at < end ? file.text()[at] : ' ';
        fail(builder.start_mark(), std::string("unexpected '") + c + "' where a YAML node should start");
        break;
      }
      last_start = builder.start_mark().pos;
      // A document that is only `---` or `null` is empty, as kubectl sees it.
      if (doc->root != nullptr && doc->root->is_null()) doc->root = nullptr;
      docs.push_back(std::move(doc));
    } catch (const LimitExceeded& e) {
      docs.push_back(std::move(doc));
      docs.back()->root = nullptr;
      fail(e.mark, e.message);
      break;
    } catch (const YAML::Exception& e) {
      docs.push_back(std::move(doc));
      docs.back()->root = nullptr;
      fail(e.mark, e.msg);
      break;
    }
  }
  return docs;
}

}  // namespace meshc
