// clm/type_lookalikes.h — custom event types that look like a built-in type.
//
// Type names are exact (docs/input.md): "Purchase" and "purchase " are custom
// types, and their events count neither as revenue nor as activity. Such a
// name is almost surely a mistake in the data, so clm warns about it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "clm/event.h"
#include "clm/event_store.h"

namespace clm {

// A custom event type whose name differs from a built-in type's only by case
// or by spaces or tabs around it.
struct TypeLookalike {
  std::string name;     // the custom type as in the data
  EventType builtin;    // the built-in type it resembles
  bool case_differs;    // the names differ in case (spaces aside)
  bool spaces_around;   // the name has spaces or tabs around it
  std::int64_t events;  // events of that custom type in the store
};

// The store's custom types that resemble a built-in type, in type-code order
// (byte order of their names).
std::vector<TypeLookalike> builtin_lookalikes(const EventStore& store);

}  // namespace clm
