// Builds a tiny store through the public API and prints its size.
#include <clm/event_store.h>

#include <cstdio>

int main() {
  clm::EventStoreBuilder builder;
  clm::EventInput signup;
  signup.customer_id = "ada";
  signup.time = 1704067200;
  signup.type = "signup";
  clm::EventInput purchase = signup;
  purchase.type = "purchase";
  purchase.amount = 12'500'000;
  clm::EventInput other = signup;
  other.customer_id = "bob";
  for (const auto& e : {signup, purchase, other}) {
    if (!builder.add_event(e).ok()) return 1;
  }
  auto store = builder.build();
  if (!store.ok()) return 1;
  std::printf("customers=%zu events=%zu\n", store->customer_count(), store->event_count());
  return 0;
}
