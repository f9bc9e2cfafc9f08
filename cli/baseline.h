#pragma once
// Baselines: findings a team accepts for now, matched by code, resource and
// field path (not by line, which moves), so only new findings fail a build.
#include <string>
#include <vector>

#include "compiler/model/diagnostic.h"

namespace meshc {

// Writes the unsuppressed findings as a baseline; throws ConfigError.
void write_baseline(const std::string& path, const std::vector<Diagnostic>& findings);
// Marks findings the baseline at `path` accepts as suppressed; each baseline
// entry accepts one finding. Throws ConfigError when the file is not a baseline.
void apply_baseline(const std::string& path, std::vector<Diagnostic>& findings);

}  // namespace meshc
