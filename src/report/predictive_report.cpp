// The predictive-CLV results of `clm clv fit|predict|validate` as sections.
#include "clm/predictive_report.h"

#include <fmt/format.h>

#include <string>

namespace clm {
namespace {

std::optional<double> opt_se(const FitQuality& q, std::size_t i) {
  return i < q.std_errors.size() ? q.std_errors[i] : std::nullopt;
}

Value num(std::optional<double> v) {
  return v ? Value(*v) : Value(std::monostate{});
}

}  // namespace

ForecastOptions forecast_options(const Settings& settings) {
  ForecastOptions o;
  o.margin = settings.margin;
  o.horizon_months = static_cast<int>(settings.horizon_months);
  o.annual_discount = settings.discount_rate;
  return o;
}

Document predictive_clv_report(const ClvModel& model, const PurchaseSummary& summary) {
  Document doc;
  doc.title = "clm predictive CLV";
  doc.meta.push_back({"model", std::string(purchase_model_name(model.kind())) +
                                   (model.spend ? " + gamma_gamma" : "")});
  doc.meta.push_back({"unit", std::string(time_unit_name(summary.unit))});
  doc.meta.push_back({"calibration end",
                      format_date(summary.calibration_end_day * kSecondsPerDay, TimeZone::utc())});
  if (summary.holdout_end_day) {
    doc.meta.push_back(
        {"holdout end", format_date(*summary.holdout_end_day * kSecondsPerDay, TimeZone::utc())});
  }
  doc.meta.push_back({"customers", fmt::to_string(summary.rows.size())});
  return doc;
}

Section clv_params_section(const ClvModel& m) {
  Section s;
  s.id = "clv_params";
  s.title = "Predictive CLV: fitted parameters";
  s.add_column("model", "Model", ColumnKind::kText);
  s.add_column("parameter", "Parameter", ColumnKind::kText);
  s.add_column("estimate", "Estimate", ColumnKind::kNumber, 4);
  s.add_column("std_error", "Std. error", ColumnKind::kNumber, 4);
  auto add = [&](const char* model, const char* name, double v, const std::optional<FitQuality>& q,
                 std::size_t i) {
    s.rows.push_back({std::string(model), std::string(name), v,
                      q ? num(opt_se(*q, i)) : Value(std::monostate{})});
  };
  if (const auto* p = std::get_if<BgNbdParams>(&m.purchases)) {
    add("bgnbd", "r", p->r, m.purchases_quality, 0);
    add("bgnbd", "alpha", p->alpha, m.purchases_quality, 1);
    add("bgnbd", "a", p->a, m.purchases_quality, 2);
    add("bgnbd", "b", p->b, m.purchases_quality, 3);
  } else {
    const auto& q = std::get<ParetoNbdParams>(m.purchases);
    add("pareto", "r", q.r, m.purchases_quality, 0);
    add("pareto", "alpha", q.alpha, m.purchases_quality, 1);
    add("pareto", "s", q.s, m.purchases_quality, 2);
    add("pareto", "beta", q.beta, m.purchases_quality, 3);
  }
  if (m.spend) {
    add("gamma_gamma", "p", m.spend->p, m.spend_quality, 0);
    add("gamma_gamma", "q", m.spend->q, m.spend_quality, 1);
    add("gamma_gamma", "gamma", m.spend->gamma, m.spend_quality, 2);
  }
  auto fit_note = [&](const char* what, const std::optional<FitQuality>& q) {
    if (!q) return;
    // Doubles with 10 significant digits.
    std::string note = fmt::format(
        "{}: log-likelihood {:.10g}, AIC {:.10g}, BIC {:.10g}, {} customers ({} distinct rows), "
        "{} likelihood evaluations from {} starts, gradient norm {:.10g}, stopped: {}",
        what, q->log_likelihood, q->aic, q->bic, q->customers, q->distinct_rows, q->iterations,
        q->starts, q->gradient_norm, q->stop_reason);
    if (!q->at_bound.empty()) {
      note += "; at the edge of the search (the data push them to 0 or infinity):";
      for (const std::string& name : q->at_bound) note += " " + name;
    }
    s.notes.push_back(std::move(note));
  };
  fit_note("purchases", m.purchases_quality);
  fit_note("spend", m.spend_quality);
  if (!m.spend && !m.spend_error.empty()) {
    s.notes.push_back("spend (gamma_gamma) not fitted, so no CLV: " + m.spend_error);
  }
  s.notes.push_back("rates alpha and beta are per " + std::string(time_unit_name(m.unit())));
  return s;
}

Section clv_customers_section(const EventStore& store, const std::vector<CustomerForecast>& f,
                              const ForecastOptions& o, TimeUnit unit) {
  Section s;
  s.id = "clv_customers";
  s.title = "Predictive CLV per customer";
  s.add_column("customer_id", "Customer", ColumnKind::kText);
  s.add_column("frequency", "x", ColumnKind::kCount);
  s.add_column("recency", "t_x", ColumnKind::kNumber, 2);
  s.add_column("T", "T", ColumnKind::kNumber, 2);
  s.add_column("monetary", "Mean repeat value", ColumnKind::kNumber, 2);
  s.add_column("p_alive", "P(alive)", ColumnKind::kNumber, 4);
  s.add_column("expected_purchases", "Expected purchases", ColumnKind::kNumber, 4);
  s.add_column("expected_spend", "Expected spend", ColumnKind::kNumber, 2);
  s.add_column("clv", "CLV", ColumnKind::kNumber, 2);
  for (const CustomerForecast& c : f) {
    s.rows.push_back({std::string(store.customer_id(c.customer)), std::int64_t{c.x}, c.t_x, c.T,
                      c.monetary, c.p_alive, num(c.expected_purchases), num(c.expected_spend),
                      num(c.clv)});
  }
  const std::string next = o.forecast_units
                               ? fmt::format("{:f} {}s", *o.forecast_units, time_unit_name(unit))
                               : std::string("month");
  s.notes.push_back(fmt::format(
      "recency and T in {}s; expected purchases over the next {}; CLV = margin {:g} x expected "
      "spend x expected purchases per month over {} months, discounted monthly at {:g} % a year",
      time_unit_name(unit), next, o.margin, o.horizon_months, o.annual_discount * 100));
  return s;
}

std::vector<Section> clv_validation_sections(const Validation& v, TimeUnit unit) {
  std::vector<Section> out;
  Section b;
  b.id = "clv_holdout";
  b.title = "Predictive CLV: holdout transactions by calibration frequency";
  b.add_column("frequency", "x", ColumnKind::kText);
  b.add_column("customers", "Customers", ColumnKind::kCount);
  b.add_column("actual", "Actual", ColumnKind::kNumber, 0);
  b.add_column("predicted", "Predicted", ColumnKind::kNumber, 1);
  for (const HoldoutBucket& h : v.by_frequency) {
    b.rows.push_back(
        {fmt::format("{}{}", h.x, h.open_ended ? "+" : ""), h.customers, h.actual, h.predicted});
  }
  b.rows.push_back({std::string("total"), v.customers, v.actual_total, v.predicted_total});
  b.notes.push_back(
      fmt::format("holdout length {:g} {}s", v.holdout_length, time_unit_name(unit)));
  out.push_back(std::move(b));
  Section t;
  t.id = "clv_tracking";
  t.title = "Predictive CLV: cumulative repeat transactions";
  t.add_column(std::string(time_unit_name(unit)), std::string(time_unit_name(unit)),
               ColumnKind::kCount);
  t.add_column("actual", "Actual", ColumnKind::kNumber, 0);
  t.add_column("predicted", "Predicted", ColumnKind::kNumber, 1);
  t.add_column("holdout", "Holdout", ColumnKind::kFlag);
  for (const TrackingPoint& p : v.tracking) {
    t.rows.push_back({p.unit_index, p.actual, p.predicted, p.holdout});
  }
  out.push_back(std::move(t));
  return out;
}

}  // namespace clm
