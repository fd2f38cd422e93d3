// The generator's random numbers: published reference outputs of splitmix64
// and xoshiro256**, and the portable log/exp against the C library.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>

#include "generate/random.h"

namespace {

using clm::gen::det_exp;
using clm::gen::det_log;
using clm::gen::Rng;

TEST_CASE("splitmix64 matches its reference output", "[generate]") {
  // Reference (Vigna's splitmix64.c): from state 0 the first output is
  // 0xe220a8397b1dcdaf; the state advances by the golden gamma 0x9e3779b97f4a7c15.
  std::uint64_t state = 0;
  CHECK(clm::gen::splitmix64(state) == 0xe220a8397b1dcdafULL);
  CHECK(state == 0x9e3779b97f4a7c15ULL);
}

TEST_CASE("xoshiro256** matches outputs worked by hand from state {1,2,3,4}", "[generate]") {
  Rng rng = Rng::from_state(1, 2, 3, 4);
  // 1st: rotl(s1*5, 7)*9 = rotl(10, 7)*9 = 1280*9 = 11520.
  // Then t = 2<<17; s2 = 3^1 = 2; s3 = 4^2 = 6; s1 = 2^2 = 0; s0 = 1^6 = 7;
  // s2 = 2^262144 = 262146; s3 = rotl(6, 45).
  CHECK(rng.next() == 11520);
  // 2nd: s1 == 0, so rotl(0, 7)*9 = 0.
  CHECK(rng.next() == 0);
  // 2nd update: t = 0; s2 = 262146^7 = 262149; s3 = rotl(6,45)^0; s1 = 0^262149 = 262149;
  // 3rd: rotl(262149*5, 7)*9 = (1310745 << 7)*9 = 167775360*9 = 1509978240.
  CHECK(rng.next() == 1509978240);
}

TEST_CASE("uniform draws stay below 1 and below(n) below n", "[generate]") {
  Rng rng(42);
  double sum = 0;
  for (int i = 0; i < 100000; ++i) {
    const double u = rng.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    REQUIRE(rng.below(7) < 7);
  }
  // Mean of 1e5 uniforms: 0.5 with standard error 0.29/sqrt(1e5) ≈ 0.0009.
  CHECK(sum / 100000 == Approx(0.5).margin(0.005));
}

TEST_CASE("det_log and det_exp agree with the C library to a few ulp", "[generate]") {
  for (double x :
       {1e-300, 1e-9, 0.001, 0.3, 0.7071, 0.99999, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e300}) {
    CAPTURE(x);
    CHECK(det_log(x) == Approx(std::log(x)).epsilon(1e-14).margin(1e-15));
  }
  CHECK(det_log(1.0) == 0.0);  // s = 0 exactly
  for (double x : {-700.0, -20.0, -1.0, -1e-10, 0.0, 0.5, 1.0, 3.7, 100.0, 700.0}) {
    CAPTURE(x);
    CHECK(det_exp(x) == Approx(std::exp(x)).epsilon(1e-14));
  }
}

TEST_CASE("distributions have their textbook means", "[generate]") {
  Rng rng(7);
  constexpr int kN = 200000;
  double exp_sum = 0, normal_sum = 0, normal_sq = 0, gamma_sum = 0, small_gamma = 0, beta_sum = 0;
  for (int i = 0; i < kN; ++i) {
    exp_sum += rng.exponential(3.0);
    const double z = rng.normal();
    normal_sum += z;
    normal_sq += z * z;
    gamma_sum += rng.gamma(2.5);
    small_gamma += rng.gamma(0.7);
    beta_sum += rng.beta(4.0, 2.0);
  }
  // Means: Exp(mean 3) = 3; N(0,1): 0 and E[z²] = 1; Gamma(k,1) = k; Beta(4,2) = 4/6.
  // Standard errors at n = 2e5 are all below 0.01; margins are ~4 of them.
  CHECK(exp_sum / kN == Approx(3.0).margin(0.03));
  CHECK(normal_sum / kN == Approx(0.0).margin(0.01));
  CHECK(normal_sq / kN == Approx(1.0).margin(0.01));
  CHECK(gamma_sum / kN == Approx(2.5).margin(0.02));
  CHECK(small_gamma / kN == Approx(0.7).margin(0.01));
  CHECK(beta_sum / kN == Approx(4.0 / 6.0).margin(0.003));
}

}  // namespace
