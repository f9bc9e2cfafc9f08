#!/usr/bin/env python3
"""Generates a realistic, valid Istio configuration corpus for the lint benchmark.

    tests/bench/gen_corpus.py --out corpus.yaml                 # 50,000 resources, one stream
    tests/bench/gen_corpus.py --resources 2000 --out small.yaml
    tests/bench/gen_corpus.py --files 100 --out corpus-dir/     # split into 100 files

The corpus models a mesh of many namespaces, each running a few dozen
applications. Every application gets the objects a platform team writes for
it: a DestinationRule with subsets and a traffic policy, a VirtualService
routing to those subsets (header and path matches, weights, retries,
timeouts, faults, header operations, CORS, mirroring), and, for some of
them, an AuthorizationPolicy, a PeerAuthentication, a Sidecar, a
RequestAuthentication, a ServiceEntry and WorkloadEntries for VM instances,
and ingress Gateways with their VirtualServices. Field names follow Istio's
CRDs (networking.istio.io and security.istio.io); references agree (routes
name subsets that exist, VirtualServices name Gateways that exist); names are
unique per kind and namespace. A clean corpus: `meshc lint` should find
nothing at error level in it.

The output is deterministic for a given --seed and --resources (the same
bytes on every run and machine); resources average about 500 bytes, so the
default 50,000 make about 25 MB. Python 3 standard library only.
"""
import argparse
import json
import os
import random
import re
import sys

# ---------------------------------------------------------------------------
# A small block-style YAML emitter (the standard library has none). Output
# looks like what people write by hand or what `kubectl` and Helm produce.

_PLAIN = re.compile(r"[A-Za-z0-9_./][A-Za-z0-9_./:@,=+*-]*")
_YAML11_SPECIAL = re.compile(
    r"[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?"  # ints, floats
    r"|[-+]?\.[0-9_]+([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
    r"|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+"
    r"|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?"  # sexagesimal
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*"  # timestamps
)
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "="}


class Flow(list):
    """A list of scalars written in flow style: `methods: ["GET", "POST"]`."""


def scalar(v, in_flow=False):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v)
    if (not _PLAIN.fullmatch(s) or _YAML11_SPECIAL.fullmatch(s) or s.lower() in _YAML11_WORDS
            or s.endswith(":") or (in_flow and "," in s)):
        return json.dumps(s)
    return s


def emit(value, out, indent=0):
    pad = " " * indent
    if isinstance(value, dict):
        for k, v in value.items():
            key = scalar(k)
            if isinstance(v, Flow):
                out.append(f"{pad}{key}: [{', '.join(scalar(x, True) for x in v)}]\n")
            elif isinstance(v, dict) and v:
                out.append(f"{pad}{key}:\n")
                emit(v, out, indent + 2)
            elif isinstance(v, list) and v:
                out.append(f"{pad}{key}:\n")
                emit(v, out, indent)  # sequences under a key are not indented, as kubectl writes them
            elif isinstance(v, dict):
                out.append(f"{pad}{key}: {{}}\n")
            elif isinstance(v, list):
                out.append(f"{pad}{key}: []\n")
            else:
                out.append(f"{pad}{key}: {scalar(v)}\n")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                sub = []
                emit(item, sub, indent + 2)
                first = sub[0]
                sub[0] = pad + "- " + first[indent + 2:]
                out.extend(sub)
            else:
                out.append(f"{pad}- {scalar(item)}\n")
    else:
        out.append(f"{pad}{scalar(value)}\n")


# ---------------------------------------------------------------------------
# Vocabulary.

APPS = ["productpage", "reviews", "ratings", "details", "checkout", "cart", "catalog", "search",
        "payments", "shipping", "inventory", "orders", "users", "auth", "billing", "invoices",
        "notifications", "email", "recommendations", "ads", "currency", "frontend", "gateway-api",
        "pricing", "profile", "session", "media", "upload", "reports", "analytics", "ledger",
        "quotes", "fraud", "loyalty", "wishlist", "reviews-api", "audit", "config", "scheduler",
        "webhooks"]
TEAMS = ["platform", "payments", "storefront", "growth", "data", "identity", "logistics", "core"]
ENVS = ["dev", "staging", "prod", "qa", "perf"]
DOMAINS = ["shop", "fin", "ops", "corp", "media", "geo", "retail", "travel", "health", "edu"]
PARTNERS = ["stripe", "twilio", "sendgrid", "github", "googleapis", "okta", "auth0", "datadoghq",
            "pagerduty", "slack", "salesforce", "zendesk", "segment", "algolia", "mapbox"]
RETRY_ON = ["5xx", "gateway-error,connect-failure,refused-stream", "connect-failure,refused-stream,unavailable",
            "5xx,reset,connect-failure", "retriable-4xx,5xx", "gateway-error,reset,retriable-status-codes"]
HTTP_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"]
LOCALITIES = ["us-east1/us-east1-b", "us-west2/us-west2-a", "europe-west1/europe-west1-c",
              "asia-east1/asia-east1-a"]
DURATIONS_SHORT = ["250ms", "500ms", "1s", "2s", "3s"]
DURATIONS_LONG = ["5s", "10s", "15s", "30s", "60s"]


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.docs = []  # (kind, text)
        self.partner_protocols = {}  # partner -> TLS only (else HTTPS and HTTP)

    # -- helpers ----------------------------------------------------------
    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def metadata(self, name, ns, app=None, team=None):
        md = {"name": name, "namespace": ns}
        if app is not None and self.chance(0.4):
            md["labels"] = {"app": app, "app.kubernetes.io/part-of": ns.rsplit("-", 1)[0]}
            if team is not None and self.chance(0.5):
                md["labels"]["team"] = team
        if self.chance(0.1):
            md["annotations"] = {"owner": f"{team or 'platform'}@example.com"}
        return md

    def add(self, kind, api, md, spec, comment=None):
        doc = {"apiVersion": api, "kind": kind, "metadata": md, "spec": spec}
        lines = []
        if comment is not None:
            lines.append(f"# {comment}\n")
        emit(doc, lines)
        self.docs.append("".join(lines))

    def net_api(self):
        r = self.rng.random()
        return "networking.istio.io/v1" if r < 0.7 else (
            "networking.istio.io/v1beta1" if r < 0.92 else "networking.istio.io/v1alpha3")

    def sec_api(self):
        return "security.istio.io/v1" if self.chance(0.75) else "security.istio.io/v1beta1"

    # -- resources --------------------------------------------------------
    def destination_rule(self, ns, app, team, host, versions):
        policy = {}
        if self.chance(0.8):
            if self.chance(0.8):
                policy["loadBalancer"] = {"simple": self.pick(["LEAST_REQUEST", "ROUND_ROBIN", "RANDOM"])}
            else:
                ch = self.pick([{"httpHeaderName": "x-user-id"}, {"useSourceIp": True},
                                {"httpCookie": {"name": "session", "ttl": "0s"}},
                                {"httpQueryParameterName": "tenant"}])
                if self.chance(0.5):
                    ch["ringHash"] = {"minimumRingSize": self.pick([1024, 4096])}
                policy["loadBalancer"] = {"consistentHash": ch}
        if self.chance(0.5):
            pool = {"tcp": {"maxConnections": self.pick([100, 500, 1000, 4096]),
                            "connectTimeout": self.pick(["250ms", "1s", "3s"])}}
            if self.chance(0.3):
                pool["tcp"]["tcpKeepalive"] = {"time": "7200s", "interval": "75s"}
            pool["http"] = {"http1MaxPendingRequests": self.pick([64, 256, 1024]),
                            "http2MaxRequests": self.pick([100, 1000, 4096]),
                            "maxRequestsPerConnection": self.pick([0, 10, 100])}
            if self.chance(0.4):
                pool["http"]["maxRetries"] = self.pick([3, 5, 10])
            if self.chance(0.3):
                pool["http"]["idleTimeout"] = self.pick(["30s", "300s"])
            policy["connectionPool"] = pool
        if self.chance(0.5):
            od = {"consecutive5xxErrors": self.pick([3, 5, 7]),
                  "interval": self.pick(["5s", "10s", "30s"]),
                  "baseEjectionTime": self.pick(["30s", "1m", "3m"]),
                  "maxEjectionPercent": self.pick([10, 50, 100])}
            if self.chance(0.3):
                od["consecutiveGatewayErrors"] = self.pick([2, 5])
            policy["outlierDetection"] = od
        if self.chance(0.6):
            policy["tls"] = {"mode": "ISTIO_MUTUAL"}
        spec = {"host": host}
        if policy:
            spec["trafficPolicy"] = policy
        subsets = []
        for v in versions:
            s = {"name": v, "labels": {"version": v}}
            if v != versions[0] and self.chance(0.2):
                s["trafficPolicy"] = {"loadBalancer": {"simple": "ROUND_ROBIN"}}
            subsets.append(s)
        spec["subsets"] = subsets
        if self.chance(0.2):
            spec["exportTo"] = Flow([".", "istio-system"])
        self.add("DestinationRule", self.net_api(), self.metadata(app, ns, app, team), spec)

    def http_route_destinations(self, host, versions, port):
        if len(versions) == 1 or self.chance(0.3):
            d = {"destination": {"host": host, "subset": self.pick(versions)}}
            if port is not None:
                d["destination"]["port"] = {"number": port}
            return [d]
        chosen = versions[:]
        self.rng.shuffle(chosen)
        chosen = sorted(chosen[:self.rng.randint(2, len(chosen))])
        cuts = sorted(self.rng.sample(range(5, 100, 5), len(chosen) - 1))
        weights = [b - a for a, b in zip([0] + cuts, cuts + [100])]
        out = []
        for v, w in zip(chosen, weights):
            d = {"destination": {"host": host, "subset": v}, "weight": w}
            if port is not None:
                d["destination"]["port"] = {"number": port}
            out.append(d)
        return out

    def http_extras(self, route):
        if self.chance(0.5):
            route["timeout"] = self.pick(DURATIONS_LONG)
            if self.chance(0.7):
                route["retries"] = {"attempts": self.pick([2, 3]), "perTryTimeout": self.pick(DURATIONS_SHORT),
                                    "retryOn": self.pick(RETRY_ON)}
        elif self.chance(0.3):
            route["retries"] = {"attempts": 0}
        if self.chance(0.1):
            fault = {}
            if self.chance(0.6):
                fault["delay"] = {"percentage": {"value": self.pick([0.1, 1.0, 5.0, 10.0])},
                                  "fixedDelay": self.pick(["1s", "5s", "7s"])}
            if not fault or self.chance(0.5):
                fault["abort"] = {"percentage": {"value": self.pick([0.5, 1.0, 10.0])},
                                  "httpStatus": self.pick([500, 503, 429])}
            route["fault"] = fault
        if self.chance(0.25):
            hdr = {"request": {"set": {"x-mesh-route": route.get("name", "default")}}}
            if self.chance(0.5):
                hdr["request"]["add"] = {"x-request-source": "mesh"}
            if self.chance(0.4):
                hdr["response"] = {"remove": ["x-envoy-upstream-service-time", "server"]}
            route["headers"] = hdr

    def virtual_service(self, ns, app, team, host, versions, port):
        http = []
        short = host.split(".")[0]
        if self.chance(0.35):
            http.append({"name": "canary-users",
                         "match": [{"headers": {"end-user": {"exact": self.pick(["jason", "qa-team", "beta"])}}}],
                         "route": [{"destination": {"host": host, "subset": versions[-1]}}]})
        if self.chance(0.35):
            prefixes = self.rng.sample([f"/{short}/v2", "/admin", "/internal/metrics", f"/api/{short}/batch",
                                        "/static/", "/healthz/ready"], self.rng.randint(1, 2))
            matches = []
            for p in prefixes:
                m = {"uri": {"prefix": p}}
                if self.chance(0.3):
                    m["method"] = {"exact": self.pick(["GET", "POST"])}
                matches.append(m)
            r = {"name": "by-path", "match": matches,
                 "route": self.http_route_destinations(host, versions, port)}
            self.http_extras(r)
            if self.chance(0.2):
                r["rewrite"] = {"uri": "/"}
            http.append(r)
        if self.chance(0.15):
            http.append({"name": "legacy-redirect", "match": [{"uri": {"exact": f"/{short}/legacy"}}],
                         "redirect": {"uri": f"/{short}/v2", "redirectCode": 301}})
        default = {"name": "default", "route": self.http_route_destinations(host, versions, port)}
        self.http_extras(default)
        if self.chance(0.08):
            default["mirror"] = {"host": host, "subset": versions[0]}
            default["mirrorPercentage"] = {"value": self.pick([1.0, 5.0, 10.0])}
        if self.chance(0.08):
            default["corsPolicy"] = {"allowOrigins": [{"exact": f"https://{short}.example.com"}],
                                     "allowMethods": Flow(["GET", "POST"]),
                                     "allowHeaders": Flow(["authorization", "content-type"]),
                                     "maxAge": "24h"}
        http.append(default)
        spec = {"hosts": [host], "http": http}
        if self.chance(0.2):
            spec["exportTo"] = Flow(["."])
        self.add("VirtualService", self.net_api(), self.metadata(app, ns, app, team), spec)

    def tcp_virtual_service(self, ns, app, team, host, versions, port):
        spec = {"hosts": [host],
                "tcp": [{"match": [{"port": port}],
                         "route": [{"destination": {"host": host, "subset": versions[0],
                                                    "port": {"number": port}}}]}]}
        self.add("VirtualService", self.net_api(), self.metadata(app, ns, app, team), spec)

    def gateway(self, ns, name, hosts):
        servers = [{"port": {"number": 80, "name": "http", "protocol": "HTTP"}, "hosts": hosts[:],
                    "tls": {"httpsRedirect": True}},
                   {"port": {"number": 443, "name": "https", "protocol": "HTTPS"}, "hosts": hosts[:],
                    "tls": {"mode": "SIMPLE", "credentialName": f"{name}-cert"}}]
        if self.chance(0.3):
            servers[1]["tls"]["minProtocolVersion"] = "TLSV1_2"
        spec = {"selector": {"istio": "ingressgateway"}, "servers": servers}
        self.add("Gateway", self.net_api(), self.metadata(name, ns), spec)

    def ingress_virtual_service(self, ns, name, gateway, public_host, host, port):
        spec = {"hosts": [public_host], "gateways": [gateway],
                "http": [{"match": [{"uri": {"prefix": "/"}}],
                          "route": [{"destination": {"host": host, "port": {"number": port}}}]}]}
        if self.chance(0.5):
            spec["http"][0]["timeout"] = self.pick(DURATIONS_LONG)
        self.add("VirtualService", self.net_api(), self.metadata(name, ns), spec,
                 comment=f"public entry point for {public_host}")

    def authorization_policy(self, ns, app, team, namespaces):
        src_ns = self.pick(namespaces)
        rules = []
        frm = {"source": {"principals": Flow([f"cluster.local/ns/{src_ns}/sa/{self.pick(APPS)}"])}}
        if self.chance(0.3):
            frm = {"source": {"namespaces": Flow([src_ns, ns])}}
        op = {"methods": Flow(sorted(self.rng.sample(HTTP_METHODS[:4], self.rng.randint(1, 3))))}
        if self.chance(0.6):
            op["paths"] = Flow([f"/api/{app}/*", "/healthz"])
        if self.chance(0.3):
            op["ports"] = Flow(["8080"])
        rule = {"from": [frm], "to": [{"operation": op}]}
        if self.chance(0.25):
            rule["when"] = [{"key": "request.auth.claims[iss]", "values": Flow(["https://accounts.example.com"])}]
        rules.append(rule)
        if self.chance(0.3):
            rules.append({"from": [{"source": {"namespaces": Flow(["istio-system"])}}],
                          "to": [{"operation": {"paths": Flow(["/metrics", "/stats/prometheus"])}}]})
        spec = {"selector": {"matchLabels": {"app": app}}, "action": "ALLOW", "rules": rules}
        self.add("AuthorizationPolicy", self.sec_api(), self.metadata(app, ns, app, team), spec)

    def deny_policy(self, ns, app, team):
        spec = {"selector": {"matchLabels": {"app": app}}, "action": "DENY",
                "rules": [{"from": [{"source": {"ipBlocks": Flow([f"203.0.{self.rng.randint(0, 255)}.0/24"])}}]},
                          {"to": [{"operation": {"paths": Flow(["/admin/*"]), "notMethods": Flow(["GET"])}}]}]}
        self.add("AuthorizationPolicy", self.sec_api(), self.metadata(f"{app}-deny", ns, app, team), spec)

    def peer_authentication(self, ns, app, team, port):
        spec = {"selector": {"matchLabels": {"app": app}}, "mtls": {"mode": "STRICT"}}
        if self.chance(0.4):
            spec["portLevelMtls"] = {self.pick([port + 1, 9090, 15090]): {"mode": "PERMISSIVE"}}
        self.add("PeerAuthentication", self.sec_api(), self.metadata(app, ns, app, team), spec)

    def namespace_peer_authentication(self, ns):
        self.add("PeerAuthentication", self.sec_api(), {"name": "default", "namespace": ns},
                 {"mtls": {"mode": self.pick(["STRICT", "STRICT", "PERMISSIVE"])}})

    def request_authentication(self, ns, app, team):
        issuer = self.pick(["https://accounts.example.com", "https://login.example.org", "https://idp.corp.example"])
        rule = {"issuer": issuer, "jwksUri": f"{issuer}/.well-known/jwks.json"}
        if self.chance(0.6):
            rule["audiences"] = [f"{app}.example.com"]
        if self.chance(0.3):
            rule["fromHeaders"] = [{"name": "x-jwt-assertion"}, {"name": "Authorization", "prefix": "Bearer "}]
        if self.chance(0.3):
            rule["forwardOriginalToken"] = True
        spec = {"selector": {"matchLabels": {"app": app}}, "jwtRules": [rule]}
        self.add("RequestAuthentication", self.sec_api(), self.metadata(app, ns, app, team), spec)

    def sidecar(self, ns, app, team, namespaces, port):
        egress_hosts = ["./*", "istio-system/*"] + [f"{n}/*" for n in self.rng.sample(namespaces, min(2, len(namespaces)))]
        spec = {"workloadSelector": {"labels": {"app": app}},
                "egress": [{"hosts": sorted(set(egress_hosts))}]}
        if self.chance(0.4):
            spec["ingress"] = [{"port": {"number": port, "protocol": "HTTP", "name": "http"},
                                "defaultEndpoint": f"127.0.0.1:{port}"}]
        if self.chance(0.3):
            spec["outboundTrafficPolicy"] = {"mode": "REGISTRY_ONLY"}
        self.add("Sidecar", self.net_api(), self.metadata(app, ns, app, team), spec)

    def namespace_sidecar(self, ns):
        self.add("Sidecar", self.net_api(), {"name": "default", "namespace": ns},
                 {"egress": [{"hosts": ["./*", "istio-system/*"]}]})

    def external_service_entry(self, ns, name, partner):
        host = f"api.{partner}.com"
        spec = {"hosts": [host], "location": "MESH_EXTERNAL", "resolution": "DNS"}
        # Every namespace that declares a partner declares it alike: ServiceEntries
        # for one host that disagree on a port's protocol are a real conflict.
        if self.partner_protocols.setdefault(partner, self.chance(0.7)):
            spec["ports"] = [{"number": 443, "name": "tls", "protocol": "TLS"}]
        else:
            spec["ports"] = [{"number": 443, "name": "https", "protocol": "HTTPS"},
                             {"number": 80, "name": "http", "protocol": "HTTP"}]
        if self.chance(0.3):
            spec["exportTo"] = Flow(["."])
        self.add("ServiceEntry", self.net_api(), self.metadata(name, ns), spec)
        return host

    def egress_destination_rule(self, ns, name, host):
        spec = {"host": host,
                "trafficPolicy": {"connectionPool": {"tcp": {"maxConnections": 50}},
                                  "tls": {"mode": "SIMPLE", "sni": host,
                                          "caCertificates": "/etc/ssl/certs/ca-certificates.crt"}}}
        self.add("DestinationRule", self.net_api(), self.metadata(name, ns), spec)

    def vm_service_entry(self, ns, app, team, host, port, address):
        spec = {"hosts": [host], "addresses": [address], "location": "MESH_INTERNAL",
                "resolution": "STATIC",
                "ports": [{"number": port, "name": "http", "protocol": "HTTP", "targetPort": port}],
                "workloadSelector": {"labels": {"app": app, "class": "vm"}}}
        self.add("ServiceEntry", self.net_api(), self.metadata(f"{app}-vm", ns, app, team), spec)

    def workload_entry(self, ns, app, team, name, address, version, port):
        spec = {"address": address, "labels": {"app": app, "class": "vm", "version": version},
                "serviceAccount": app, "ports": {"http": port}}
        if self.chance(0.5):
            spec["locality"] = self.pick(LOCALITIES)
        if self.chance(0.3):
            spec["network"] = "vm-network"
        self.add("WorkloadEntry", self.net_api(), self.metadata(name, ns, app, team), spec)

    # -- the mesh ---------------------------------------------------------
    def generate(self, total):
        ns_count = max(1, total // 100)
        namespaces = []
        for i in range(ns_count):
            namespaces.append(f"{self.pick(DOMAINS)}-{self.pick(ENVS)}-{i:04d}")
        ns_index = 0
        vm_octet = 0
        while len(self.docs) < total:
            ns = namespaces[ns_index % ns_count]
            cycle = ns_index // ns_count  # >0 only for tiny corpora where namespaces are reused
            ns_index += 1
            team = self.pick(TEAMS)
            suffix = "" if cycle == 0 else f"-c{cycle}"
            if cycle == 0 and self.chance(0.6):
                self.namespace_peer_authentication(ns)
            if cycle == 0 and self.chance(0.5):
                self.namespace_sidecar(ns)
            apps = self.rng.sample(APPS, self.rng.randint(12, len(APPS)))
            gw_name = f"{ns.split('-')[0]}-ingress{suffix}"
            gw_hosts, public = [], []
            partners = self.rng.sample(PARTNERS, self.rng.randint(1, 4))
            for p in partners:
                name = f"{p}-api{suffix}"
                host = self.external_service_entry(ns, name, p)
                if self.chance(0.6):
                    self.egress_destination_rule(ns, name, host)
            for a in apps:
                app = a + suffix
                host = f"{app}.{ns}.svc.cluster.local" if self.chance(0.5) else app
                versions = ["v1", "v2", "v3"][:self.rng.randint(1, 3)]
                port = self.pick([8080, 9080, 8000, 3000, 5000])
                route_port = port if self.chance(0.3) else None
                self.destination_rule(ns, app, team, host, versions)
                if a in ("ledger", "inventory") and self.chance(0.5):
                    self.tcp_virtual_service(ns, app, team, host, versions, port)
                else:
                    self.virtual_service(ns, app, team, host, versions, route_port)
                if self.chance(0.7):
                    self.authorization_policy(ns, app, team, namespaces)
                if self.chance(0.12):
                    self.deny_policy(ns, app, team)
                if self.chance(0.2):
                    self.peer_authentication(ns, app, team, port)
                if self.chance(0.2):
                    self.sidecar(ns, app, team, namespaces, port)
                if self.chance(0.12):
                    self.request_authentication(ns, app, team)
                if self.chance(0.08):
                    vm_octet += 1
                    vm_host = f"{app}-vm.{ns}.svc.cluster.local"
                    base = f"10.{(vm_octet >> 8) & 255}.{vm_octet & 255}"
                    self.vm_service_entry(ns, app, team, vm_host, port, f"240.{(vm_octet >> 8) & 255}.{vm_octet & 255}.1")
                    for k in range(self.rng.randint(1, 3)):
                        self.workload_entry(ns, app, team, f"{app}-vm-{k}", f"{base}.{10 + k}", "v1", port)
                if self.chance(0.15):
                    public_host = f"{app}.{ns}.example.com"
                    gw_hosts.append(public_host)
                    public.append((app, public_host, host, port))
            if gw_hosts:
                self.gateway(ns, gw_name, gw_hosts)
                for app, public_host, host, port in public:
                    self.ingress_virtual_service(ns, f"{app}-ingress", gw_name, public_host, host, port)
        return self.docs[:total]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--resources", type=int, default=50_000, help="number of resources (default 50000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", required=True, help="output file, or directory with --files")
    ap.add_argument("--files", type=int, default=0,
                    help="split into this many files in the --out directory instead of one stream")
    args = ap.parse_args()
    if args.resources < 1 or args.files < 0:
        ap.error("--resources must be positive and --files not negative")

    docs = Generator(args.seed).generate(args.resources)
    if args.files > 0:
        os.makedirs(args.out, exist_ok=True)
        k = min(args.files, len(docs))
        per, extra = divmod(len(docs), k)
        start = 0
        for i in range(k):
            n = per + (1 if i < extra else 0)
            with open(os.path.join(args.out, f"corpus-{i:05d}.yaml"), "w", encoding="utf-8", newline="\n") as f:
                f.write("---\n".join(docs[start:start + n]))
            start += n
    else:
        parent = os.path.dirname(os.path.abspath(args.out))
        os.makedirs(parent, exist_ok=True)
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            f.write("---\n".join(docs))
    size = sum(len(d) for d in docs) + 4 * (len(docs) - 1)
    print(f"gen_corpus: {len(docs)} resources, {size} bytes ({size / len(docs):.0f} per resource)", file=sys.stderr)


if __name__ == "__main__":
    main()
