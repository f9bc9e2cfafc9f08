#include "validators/rule.h"

#include <algorithm>

namespace meshc {

Diagnostic& FindingSink::report(const SourceFile& file, Position at, std::string message) {
  return report(Location{file.name(), at.line, at.column}, std::move(message));
}

Diagnostic& FindingSink::report(const SourceFile& file, const Resource& resource, Position at,
                                std::string message, std::string_view field_path) {
  Diagnostic& d = report(file, at, std::move(message));
  d.resource = resource.ref();
  d.field_path = resource.field_prefix + std::string(field_path);
  return d;
}

Diagnostic& FindingSink::report(const Location& at, std::string message) {
  Diagnostic d;
  d.code = std::string(rule_.code);
  d.rule = std::string(rule_.slug);
  d.severity = severity_;
  d.message = std::move(message);
  d.location = at;
  out_.push_back(std::move(d));
  return out_.back();
}

Diagnostic& report_at(FindingSink& out, const ObjectMeta& meta, const Site& site, std::string message) {
  Diagnostic& d = out.report(meta.location_of(site), std::move(message));
  d.resource = meta.ref;
  d.field_path = meta.field_prefix + site.path.str();
  d.template_source = meta.template_source;
  return d;
}

std::string display_path(std::string_view path) {
  std::string out(path);
  std::replace(out.begin(), out.end(), '\\', '/');
  return out;
}

}  // namespace meshc
