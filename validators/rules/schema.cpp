// MC1002 schema: structure against the kind's JSON Schema (unknown field,
// wrong type, missing required field, bad enum, one-of), an unknown version of
// a known kind, and documents that are not objects at all.
#include "compiler/frontend/resource_reader.h"
#include "validators/rule.h"
#include "validators/schema/schema_checker.h"
#include "validators/schema/schema_view.h"

namespace meshc {
namespace {

std::string served_versions(std::string_view group) {
  return group == "networking.istio.io" ? "v1, v1beta1 or v1alpha3" : "v1 or v1beta1";
}

std::string unknown_kind_message(const Resource& r) {
  if (const auto group = group_of_kind(r.kind); !group.empty())
    return r.kind + " belongs to " + std::string(group) + ", not to '" + r.api_version + "'; use apiVersion " +
           std::string(group) + "/v1";
  std::vector<std::string> kinds(checked_kinds().begin(), checked_kinds().end());
  std::string message = "unknown kind '" + r.kind + "' in " + r.group;
  if (auto guess = closest_match(r.kind, kinds); !guess.empty()) message += "; did you mean '" + guess + "'?";
  return message;
}

class SchemaRule final : public Rule {
 public:
  SchemaRule()
      : Rule({"MC1002", "schema", Severity::Error,
              "structure: unknown field, wrong type, missing required field, bad enum, one-of, unknown version"}) {}

  void check_document(const DocumentContext& ctx, FindingSink& out) const override {
    const Node* root = ctx.document.root;
    if (root != nullptr && !root->is_mapping()) {
      out.report(ctx.file, root->position,
                 std::string("expected a mapping (a Kubernetes object), found ") +
                     (root->is_sequence() ? "a list" : "a scalar"));
      return;
    }
    for (const auto& r : ctx.resources) {
      if (r.category != KindCategory::Checked) continue;
      if (!r.kind_known) {
        out.report(ctx.file, r, r.root->get("kind")->position, unknown_kind_message(r), "kind");
        continue;
      }
      if (!r.version_known) {
        const Node* api = r.root->get("apiVersion");
        out.report(ctx.file, r, api->position,
                   "apiVersion '" + r.api_version + "' is not a version of " + r.kind + "; use " + r.group + "/" +
                       served_versions(r.group),
                   "apiVersion");
        continue;
      }
      for (auto& v : check_schema(r.kind, *r.root))
        out.report(ctx.file, r, v.position, r.label() + ": " + v.message, v.path);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_SchemaRule() { return std::make_unique<SchemaRule>(); }

}  // namespace meshc
