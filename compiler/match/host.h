#pragma once
// Host names as Istio validates them (ValidateWildcardDomain, ValidateFQDN)
// and compares them (host.Name.Matches).
#include <optional>
#include <string>
#include <string_view>

namespace meshc {

// Empty when `host` is a name or wildcard Istio accepts: 1..255 characters;
// the first label `*`, `*foo`, `*-foo` or a DNS-1123 label (upper case allowed,
// at most 63 characters); every further label a DNS-1123 label; the last label
// not all-numeric; a trailing dot allowed. Otherwise a short reason.
std::optional<std::string> host_error(std::string_view host);

// The same without wildcards (ValidateFQDN's label rules).
std::optional<std::string> fqdn_error(std::string_view host);

// host_error without partial wildcards (`*foo.com`): `*` only as the whole
// first label, as Gateway and Sidecar hosts require.
std::optional<std::string> whole_label_wildcard_error(std::string_view host);

// Istio's IsDNS1123Label (upper case allowed).
bool is_dns_label(std::string_view label);

// Whether two hosts overlap as Istio's host.Name.Matches decides: `*.foo.com`
// overlaps `a.foo.com`, `*` overlaps everything, equal names overlap.
bool hosts_overlap(std::string_view a, std::string_view b);

}  // namespace meshc
