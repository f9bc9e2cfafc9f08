// SARIF 2.1.0 output, shaped for GitHub code scanning: a rule table for every
// rule, one result per finding, URIs relative to %SRCROOT% (options.sarif_root).
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>

#include "cli/report/report.h"
#include "cli/report/report_util.h"

namespace meshc {

namespace {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

constexpr std::string_view kSrcRoot = "%SRCROOT%";

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "error";
}

// Percent-encodes everything but RFC 3986 unreserved characters and '/'.
std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

fs::path current_dir() {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  return ec ? fs::path("/") : cwd;
}

// The root as an absolute, normalised path without a trailing slash (but "/"
// stays "/").
fs::path normalized_root(const std::string& sarif_root) {
  fs::path root = sarif_root.empty() ? current_dir() : fs::path(sarif_root);
  if (root.is_relative()) root = current_dir() / root;
  std::string s = root.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return fs::path(s);
}

struct ArtifactUri {
  std::string uri;
  bool relative_to_root = true;
};

// Where a finding's file lives, as SARIF wants it. Files under the root become
// root-relative URIs (with uriBaseId %SRCROOT%); files outside it become
// absolute file:// URIs without a base id. Standard input has no path: it is
// reported as the root-relative URI "stdin", so every result keeps the same
// shape and GitHub simply finds no file to link to.
ArtifactUri artifact_uri(const std::string& file, const fs::path& root) {
  if (report_detail::is_stdin_path(file)) return {"stdin", true};
  fs::path p(file);
  if (p.is_relative()) p = current_dir() / p;
  p = p.lexically_normal();
  fs::path rel = p.lexically_relative(root);
  const std::string rel_s = rel.generic_string();
  const bool outside = rel.empty() || rel_s == "." || rel_s == ".." || rel_s.starts_with("../");
  if (outside) return {"file://" + percent_encode_path(p.generic_string()), false};
  return {percent_encode_path(rel_s), true};
}

ordered_json physical_location(const Location& loc, const fs::path& root) {
  ordered_json phys = ordered_json::object();
  const ArtifactUri a = artifact_uri(loc.file, root);
  ordered_json artifact = ordered_json::object();
  artifact["uri"] = a.uri;
  if (a.relative_to_root) artifact["uriBaseId"] = kSrcRoot;
  phys["artifactLocation"] = std::move(artifact);
  if (loc.line != 0) {
    ordered_json region = ordered_json::object();
    region["startLine"] = loc.line;
    if (loc.column != 0) region["startColumn"] = loc.column;
    phys["region"] = std::move(region);
  }
  return phys;
}

std::string fnv1a_hex(std::string_view s) {
  uint64_t h = 14695981039346656037ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[h & 0xF];
    h >>= 4;
  }
  return out;
}

// Stable across runs while lines move: code, file, resource and field path
// (plus the message when there is no field path, so that two findings of one
// rule on one resource stay apart).
std::string fingerprint(const Diagnostic& d, const std::string& uri) {
  std::string key = d.code;
  key += '\x1f';
  key += uri;
  key += '\x1f';
  if (d.resource) {
    key += d.resource->kind + '/' + d.resource->ns + '/' + d.resource->name;
  }
  key += '\x1f';
  key += d.field_path;
  if (d.field_path.empty()) {
    key += '\x1f';
    key += d.message;
  }
  return fnv1a_hex(key);
}

ordered_json rule_json(const RuleInfo& r) {
  const std::string help_uri = rule_help_uri(r.code);
  const std::string summary(r.summary);
  ordered_json rule = ordered_json::object();
  rule["id"] = r.code;
  rule["name"] = r.slug;
  rule["shortDescription"] = {{"text", summary}};
  rule["fullDescription"] = {{"text", summary}};
  ordered_json help = ordered_json::object();
  help["text"] = summary + ". See " + help_uri;
  help["markdown"] = summary + "\n\nSee [" + std::string(r.code) + "](" + help_uri + ").";
  rule["help"] = std::move(help);
  rule["helpUri"] = help_uri;
  rule["defaultConfiguration"] = {{"level", sarif_level(r.default_severity)}};
  return rule;
}

}  // namespace

void write_sarif_report(std::ostream& out, const LintReport& report, const ReportOptions& options) {
  const fs::path root = normalized_root(options.sarif_root);

  ordered_json rules = ordered_json::array();
  std::map<std::string, size_t, std::less<>> rule_index;
  for (const RuleInfo& r : options.rules) {
    if (rule_index.contains(r.code)) continue;
    rule_index.emplace(std::string(r.code), rules.size());
    rules.push_back(rule_json(r));
  }
  // A finding whose code is missing from options.rules (e.g. a compiler pass's
  // own finding) still gets a minimal rule entry so ruleIndex stays valid.
  for (const Diagnostic& d : report.findings) {
    if (rule_index.contains(d.code)) continue;
    rule_index.emplace(d.code, rules.size());
    ordered_json rule = ordered_json::object();
    rule["id"] = d.code;
    if (!d.rule.empty()) rule["name"] = d.rule;
    rule["shortDescription"] = {{"text", d.rule.empty() ? d.code : d.rule}};
    rule["defaultConfiguration"] = {{"level", sarif_level(d.severity)}};
    rules.push_back(std::move(rule));
  }

  ordered_json results = ordered_json::array();
  for (const Diagnostic& d : report.findings) {
    ordered_json result = ordered_json::object();
    result["ruleId"] = d.code;
    result["ruleIndex"] = rule_index.at(d.code);
    result["level"] = sarif_level(d.severity);
    result["message"] = {{"text", d.message}};
    ordered_json location = ordered_json::object();
    location["physicalLocation"] = physical_location(d.location, root);
    result["locations"] = ordered_json::array({std::move(location)});
    if (!d.related.empty()) {
      ordered_json related = ordered_json::array();
      for (size_t i = 0; i < d.related.size(); ++i) {
        ordered_json r = ordered_json::object();
        r["id"] = i + 1;
        r["physicalLocation"] = physical_location(d.related[i].location, root);
        r["message"] = {{"text", d.related[i].message}};
        related.push_back(std::move(r));
      }
      result["relatedLocations"] = std::move(related);
    }
    result["partialFingerprints"] = {
        {"meshc/v1", fingerprint(d, artifact_uri(d.location.file, root).uri)}};
    if (d.suppressed) {
      result["suppressions"] = ordered_json::array({{{"kind", "inSource"}}});
    }
    if (!d.template_source.empty()) {
      result["properties"] = {{"templateSource", d.template_source}};
    }
    results.push_back(std::move(result));
  }

  ordered_json driver = ordered_json::object();
  driver["name"] = "meshc";
  driver["version"] = options.tool_version;
  driver["informationUri"] = "https://github.com/meshc/meshc";
  driver["rules"] = std::move(rules);

  std::string root_uri = "file://" + percent_encode_path(root.generic_string());
  if (!root_uri.ends_with('/')) root_uri += '/';

  ordered_json run = ordered_json::object();
  run["tool"] = {{"driver", std::move(driver)}};
  ordered_json base_ids = ordered_json::object();
  base_ids[std::string(kSrcRoot)] = {{"uri", root_uri}};
  run["originalUriBaseIds"] = std::move(base_ids);
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);

  ordered_json doc = ordered_json::object();
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = ordered_json::array({std::move(run)});
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace meshc
