// The row loops' type lookup (length switch) against the contract's names.
#include <catch2/catch.hpp>
#include <string>

#include "core/builder_impl.h"

using clm::EventType;
using clm::detail::find_builtin_type;
using clm::detail::find_score_range;

TEST_CASE("find_builtin_type knows the sixteen contract names and nothing else") {
  // docs/input.md's built-in types, in EventType order.
  const char* names[] = {"touch",
                         "signup",
                         "purchase",
                         "refund",
                         "subscription_start",
                         "subscription_cancel",
                         "nps",
                         "csat",
                         "ces",
                         "referral",
                         "email_sent",
                         "email_delivered",
                         "email_bounced",
                         "email_opened",
                         "email_clicked",
                         "email_unsubscribed"};
  for (int i = 0; i < 16; ++i) {
    const auto t = find_builtin_type(names[i]);
    REQUIRE(t.has_value());
    REQUIRE(static_cast<int>(*t) == i);
  }
  // Same lengths as built-in names, other bytes; prefixes, case, padding.
  for (const char* other : {"",
                            "n",
                            "np",
                            "npz",
                            "ces ",
                            "CES",
                            "cps",
                            "nes",
                            "xsat",
                            "touchy",
                            "signuq",
                            "refunx",
                            "purchasf",
                            "referrak",
                            "email_senT",
                            "email_opene_",
                            "email_bounces",
                            "email_clickes",
                            "email_xlicked",
                            "email_deliverez",
                            "subscription_starx",
                            "email_unsubscribez",
                            "subscription_cancex",
                            "login",
                            "feature_used",
                            "purchase\n"}) {
    INFO(other);
    REQUIRE_FALSE(find_builtin_type(other).has_value());
  }
}

TEST_CASE("find_score_range gives the survey scales") {
  // docs/input.md: nps 0–10, csat 1–5, ces 1–7; no score on the other types.
  REQUIRE(find_score_range(EventType::kNps)->min == 0);
  REQUIRE(find_score_range(EventType::kNps)->max == 10);
  REQUIRE(find_score_range(EventType::kCsat)->min == 1);
  REQUIRE(find_score_range(EventType::kCsat)->max == 5);
  REQUIRE(find_score_range(EventType::kCes)->min == 1);
  REQUIRE(find_score_range(EventType::kCes)->max == 7);
  for (EventType t : {EventType::kTouch, EventType::kPurchase, EventType::kRefund,
                      EventType::kReferral, EventType::kEmailSent}) {
    REQUIRE_FALSE(find_score_range(t).has_value());
  }
}
