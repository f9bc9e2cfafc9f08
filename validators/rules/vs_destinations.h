#pragma once
// Every destination a VirtualService sends traffic to, for the rules that
// check what a destination refers to.
#include "compiler/model/mesh_config.h"

namespace meshc {

// Calls f(destination) for each route destination of the http, tcp and tls
// rules and each http mirror, in the order they are written per rule kind.
template <class F>
void for_each_destination(const VirtualService& vs, F&& f) {
  for (const HttpRoute& route : vs.http) {
    for (const RouteDestination& d : route.destinations) f(d);
    for (const RouteDestination& d : route.mirrors) f(d);
  }
  for (const L4Route& route : vs.tcp)
    for (const RouteDestination& d : route.destinations) f(d);
  for (const L4Route& route : vs.tls)
    for (const RouteDestination& d : route.destinations) f(d);
}

}  // namespace meshc
