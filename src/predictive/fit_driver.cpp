#include "predictive/fit_driver.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <string>

namespace clm::detail {
namespace {

// Starts: the model's own guess, then the guess with every log-parameter
// moved by +1, by −1, and by alternately +1 and −1 (factors e and 1/e),
// so that a fit stuck on a ridge from one side is tried from others.
std::vector<double> start_point(const std::vector<double>& u0, int k) {
  std::vector<double> u = u0;
  for (std::size_t i = 0; i < u.size(); ++i) {
    const double shift = k == 1 ? 1.0 : k == 2 ? -1.0 : k == 3 ? (i % 2 ? -1.0 : 1.0) : 0.0;
    u[i] += shift;
  }
  return u;
}

constexpr int kMaxStarts = 4;

// The gradient with the components that push against an active bound
// removed (they cannot be reduced inside the box).
std::vector<double> projected(std::vector<double> g, const std::vector<double>& u,
                              const std::vector<double>& lo, const std::vector<double>& hi) {
  for (std::size_t i = 0; i < g.size(); ++i) {
    if ((u[i] <= lo[i] + 1e-9 && g[i] > 0) || (u[i] >= hi[i] - 1e-9 && g[i] < 0)) g[i] = 0;
  }
  return g;
}

double largest(const std::vector<double>& v) {
  double m = 0;
  for (double x : v) m = std::max(m, std::abs(x));
  return m;
}

std::string short_number(double v) {
  return fmt::format("{:.3g}", v);
}

}  // namespace

Result<FitRun> run_fit(std::string_view model, const Objective& neg_ll, std::vector<double> u0,
                       const std::vector<std::string_view>& names, double customers,
                       std::int64_t distinct_rows, const FitOptions& options, bool exact_gradient) {
  if (!(options.l2_penalty >= 0) || options.max_iterations < 1 ||
      !(options.gradient_tolerance > 0) || !(options.max_seconds > 0)) {
    return Status::InvalidArgument(
        "fit options: the penalty must be >= 0, iterations >= 1, the tolerance > 0 and the time "
        "budget > 0 seconds");
  }
  const auto began = std::chrono::steady_clock::now();
  const auto deadline =
      began + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                  std::chrono::duration<double>(std::min(options.max_seconds, 1e7)));
  const double lambda = options.l2_penalty;
  const std::size_t n = u0.size();
  // Mean −LL keeps the gradient tolerance independent of the customer count.
  Objective objective = [&](const std::vector<double>& u, std::vector<double>* grad) {
    const double v = neg_ll(u, grad);
    double pen = 0;
    for (double x : u) pen += x * x;
    if (grad) {
      for (std::size_t i = 0; i < n; ++i) (*grad)[i] = (*grad)[i] / customers + 2 * lambda * u[i];
    }
    return v / customers + lambda * pen;
  };
  std::vector<double> lo(n), hi(n);
  for (std::size_t i = 0; i < n; ++i) {
    lo[i] = u0[i] - kLogBound;
    hi[i] = u0[i] + kLogBound;
  }

  struct Best {
    MinimizeResult m;
    std::vector<double> gradient;  // projected
    bool converged = false;
  };
  std::optional<Best> best;
  int evaluations = 0, starts = 0;
  bool agreed = false, out_of_budget = false;
  std::string last_stop;
  for (int k = 0; k < kMaxStarts && !agreed && !out_of_budget; ++k) {
    MinimizeResult m = minimize_bounded(objective, start_point(u0, k), lo, hi,
                                        options.max_iterations - evaluations, deadline);
    ++starts;
    evaluations += m.evaluations;
    last_stop = m.stop;
    out_of_budget = m.budget_exhausted || evaluations >= options.max_iterations ||
                    std::chrono::steady_clock::now() >= deadline;
    if (!std::isfinite(m.value) || m.value >= 1e300) continue;
    std::vector<double> g(n);
    objective(m.u, &g);
    ++evaluations;
    g = projected(std::move(g), m.u, lo, hi);
    const bool converged = !m.budget_exhausted &&
                           (m.tolerance_met || largest(g) < options.gradient_tolerance *
                                                                std::max(1.0, std::abs(m.value)));
    if (best && best->converged && converged) {
      // Two starts that reach the same minimum (to 1e-6 of the mean −LL, far
      // below what changes a forecast) settle it.
      agreed = std::abs(m.value - best->m.value) <= 1e-6 * (1 + std::abs(best->m.value));
    }
    const bool better = !best || (converged && !best->converged) ||
                        (converged == best->converged && m.value < best->m.value);
    if (better) best = Best{std::move(m), std::move(g), converged};
  }
  if (!best || !best->converged) {
    std::string why = best ? best->m.stop : "the likelihood cannot be evaluated at any start";
    if (!best && out_of_budget) why = last_stop;
    return Status::NotConverged(
        fmt::format("{} fit did not converge: {} after {} evaluations from {} {}", model, why,
                    evaluations, starts, starts == 1 ? "start" : "starts") +
        (best ? " (largest gradient component " + short_number(largest(best->gradient)) + ")"
              : std::string()));
  }
  const std::vector<double>& u = best->m.u;
  bool finite = true;
  for (double x : u) finite = finite && std::isfinite(x);
  if (!finite) {
    return Status::NotConverged(std::string(model) + " fit did not converge: non-finite estimate");
  }
  FitRun run;
  for (double x : u) run.theta.push_back(std::exp(x));
  const double k = static_cast<double>(n);
  FitQuality& q = run.quality;
  q.log_likelihood = -neg_ll(u, nullptr);
  q.aic = 2 * k - 2 * q.log_likelihood;
  q.bic = k * std::log(customers) - 2 * q.log_likelihood;
  q.customers = static_cast<std::int64_t>(customers);
  q.distinct_rows = distinct_rows;
  q.iterations = evaluations;
  q.starts = starts;
  double norm = 0;
  for (double x : best->gradient) norm += x * x;
  q.gradient_norm = std::sqrt(norm);
  q.stop_reason = best->m.stop;
  q.std_errors = log_param_std_errors(neg_ll, u, exact_gradient);
  for (std::size_t i = 0; i < n; ++i) {
    if (u[i] <= lo[i] + 1e-6 || u[i] >= hi[i] - 1e-6) {
      q.at_bound.emplace_back(i < names.size() ? names[i] : std::string_view("?"));
      if (i < q.std_errors.size()) q.std_errors[i].reset();
    }
  }
  return run;
}

}  // namespace clm::detail
