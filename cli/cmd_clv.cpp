// `clm clv fit|predict|validate`: predictive CLV with BG/NBD or Pareto/NBD
// and Gamma–Gamma, on a calibration period (and optional holdout) of the
// events' purchases.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include "clm/predictive_clv.h"
#include "commands.h"
#include "common.h"
#include "settings.h"

namespace clm::cli {
namespace {

struct ClvArgs {
  InputOptions input;
  OutputOptions output;
  SettingsOptions settings;  // tz, renames; predict: margin, horizon, discount rate
  std::string model = "bgnbd";
  std::string unit = "week";
  std::string calibration_end;  // "" = day of the latest purchase
  std::string holdout_end;      // "" = none
  std::string params;           // fit: write here; predict/validate: read from here
  double forecast = 0;          // units; 0 = one month
  double penalty = 0;
};

enum class Mode { kFit, kPredict, kValidate };

Result<CivilDate> parse_date(const std::string& option, const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d-%u-%u%c", &y, &m, &d, &tail) == 3 && m >= 1 && m <= 12 &&
      d >= 1 && d <= 31) {
    const CivilDate date{y, m, d};
    const CivilDate back = civil_from_days(days_from_civil(date));
    if (back.year == y && back.month == m && back.day == d) return date;
  }
  return Status::InvalidArgument(option + ": expected a date YYYY-MM-DD, got '" + text + "'");
}

Result<SummaryOptions> summary_options(const ClvArgs& a, const EventStore& store,
                                       const TimeZone& tz) {
  SummaryOptions o;
  o.calendar.tz = tz;
  const auto unit = parse_time_unit(a.unit);
  if (!unit) return Status::InvalidArgument("--unit: expected day, week or month");
  o.unit = *unit;
  if (!a.calibration_end.empty()) {
    auto d = parse_date("--calibration-end", a.calibration_end);
    if (!d.ok()) return d.status();
    o.calibration_end = *d;
  } else {
    if (!a.holdout_end.empty()) {
      return Status::InvalidArgument("--holdout-end needs --calibration-end");
    }
    if (store.event_count() == 0) return Status::DataError("no events");
    const std::int64_t local = tz.to_local(store.max_event_time());
    o.calibration_end = civil_from_days(
        local >= 0 ? local / kSecondsPerDay : -((-local + kSecondsPerDay - 1) / kSecondsPerDay));
  }
  if (!a.holdout_end.empty()) {
    auto d = parse_date("--holdout-end", a.holdout_end);
    if (!d.ok()) return d.status();
    o.holdout_end = *d;
  }
  return o;
}

std::optional<double> opt_se(const FitQuality& q, std::size_t i) {
  return i < q.std_errors.size() ? q.std_errors[i] : std::nullopt;
}

Value num(std::optional<double> v) {
  return v ? Value(*v) : Value(std::monostate{});
}

Section params_section(const ClvModel& m) {
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
    std::ostringstream o;
    o.precision(10);
    o << what << ": log-likelihood " << q->log_likelihood << ", AIC " << q->aic << ", BIC "
      << q->bic << ", " << q->customers << " customers (" << q->distinct_rows << " distinct rows), "
      << q->iterations << " iterations";
    s.notes.push_back(o.str());
  };
  fit_note("purchases", m.purchases_quality);
  fit_note("spend", m.spend_quality);
  if (!m.spend && !m.spend_error.empty()) {
    s.notes.push_back("spend (gamma_gamma) not fitted, so no CLV: " + m.spend_error);
  }
  s.notes.push_back("rates alpha and beta are per " + std::string(time_unit_name(m.unit())));
  return s;
}

Section customers_section(const EventStore& store, const std::vector<CustomerForecast>& f,
                          const ClvOptions& o, TimeUnit unit) {
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
  std::ostringstream n;
  n << "recency and T in " << time_unit_name(unit) << "s; expected purchases over the next "
    << (o.forecast_units
            ? std::to_string(*o.forecast_units) + " " + std::string(time_unit_name(unit)) + "s"
            : std::string("month"))
    << "; CLV = margin " << o.margin << " x expected spend x expected purchases per month over "
    << o.horizon_months << " months, discounted monthly at " << o.annual_discount * 100
    << " % a year";
  s.notes.push_back(n.str());
  return s;
}

void validation_sections(const Validation& v, TimeUnit unit, std::vector<Section>& out) {
  Section b;
  b.id = "clv_holdout";
  b.title = "Predictive CLV: holdout transactions by calibration frequency";
  b.add_column("frequency", "x", ColumnKind::kText);
  b.add_column("customers", "Customers", ColumnKind::kCount);
  b.add_column("actual", "Actual", ColumnKind::kNumber, 0);
  b.add_column("predicted", "Predicted", ColumnKind::kNumber, 1);
  for (const HoldoutBucket& h : v.by_frequency) {
    b.rows.push_back(
        {std::to_string(h.x) + (h.open_ended ? "+" : ""), h.customers, h.actual, h.predicted});
  }
  b.rows.push_back({std::string("total"), v.customers, v.actual_total, v.predicted_total});
  std::ostringstream n;
  n << "holdout length " << v.holdout_length << " " << time_unit_name(unit) << "s";
  b.notes.push_back(n.str());
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
}

Result<ClvModel> load_model(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NoInput("--params: cannot open " + path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto m = parse_clv_model(text);
  if (!m.ok()) return Status::DataError(path + ": " + m.status().message());
  return m;
}

int run_clv(Mode mode, const ClvArgs& a) {
  auto settings = a.settings.resolve();
  if (!settings.ok()) return report_error(settings.status());
  auto tz = TimeZone::locate(settings->tz);
  if (!tz.ok()) return report_error(Status::InvalidArgument("--tz: " + tz.status().message()));
  const auto kind = parse_purchase_model(a.model);
  if (!kind) return report_error(Status::InvalidArgument("--model: expected bgnbd or pareto"));
  if (mode == Mode::kValidate && a.holdout_end.empty()) {
    return report_error(Status::InvalidArgument("validate needs --holdout-end"));
  }
  Progress progress(progress_wanted(a.input.quiet));
  auto data = load_data(a.input, settings->renames, *tz, progress);
  if (!data.ok()) return report_error(data.status());
  progress.finish();
  auto so = summary_options(a, data->store, *tz);
  if (!so.ok()) return report_error(so.status());
  auto summary = summarize_rfm(data->store, *so);
  if (!summary.ok()) return report_error(summary.status());

  ClvModel model;
  if (mode != Mode::kFit && !a.params.empty()) {
    auto m = load_model(a.params);
    if (!m.ok()) return report_error(m.status());
    if (m->unit() != summary->unit) {
      return report_error(Status::InvalidArgument(
          "--params: the model is in " + std::string(time_unit_name(m->unit())) +
          "s; pass --unit " + std::string(time_unit_name(m->unit()))));
    }
    model = std::move(*m);
  } else {
    FitOptions fo;
    fo.l2_penalty = a.penalty;
    auto m = fit_clv_model(*summary, *kind, fo);
    if (!m.ok()) return report_error(m.status());
    model = std::move(*m);
  }

  Document doc;
  doc.title = "clm predictive CLV";
  doc.meta.push_back({"model", std::string(purchase_model_name(model.kind())) +
                                   (model.spend ? " + gamma_gamma" : "")});
  doc.meta.push_back({"unit", std::string(time_unit_name(summary->unit))});
  doc.meta.push_back({"calibration end",
                      format_date(summary->calibration_end_day * kSecondsPerDay, TimeZone::utc())});
  if (summary->holdout_end_day) {
    doc.meta.push_back(
        {"holdout end", format_date(*summary->holdout_end_day * kSecondsPerDay, TimeZone::utc())});
  }
  doc.meta.push_back({"customers", std::to_string(summary->rows.size())});

  if (mode == Mode::kFit) {
    if (!a.params.empty()) {
      std::ofstream out(a.params, std::ios::binary | std::ios::trunc);
      out << to_json(model);
      out.close();
      if (!out) return report_error(Status::IoError("--params: cannot write " + a.params));
    }
    doc.sections.push_back(params_section(model));
  } else if (mode == Mode::kPredict) {
    ClvOptions co;
    co.margin = settings->margin;
    co.horizon_months = static_cast<int>(settings->horizon_months);
    co.annual_discount = settings->discount_rate;
    if (a.forecast > 0) co.forecast_units = a.forecast;
    auto f = forecast_customers(*summary, model, co);
    if (!f.ok()) return report_error(f.status());
    doc.sections.push_back(customers_section(data->store, *f, co, summary->unit));
  } else {
    auto v = validate_holdout(*summary, model);
    if (!v.ok()) return report_error(v.status());
    doc.sections.push_back(params_section(model));
    validation_sections(*v, summary->unit, doc.sections);
  }
  if (Status s = write_output(doc, a.output); !s.ok()) return report_error(s);
  return kExitOk;
}

void add_mode(CLI::App& clv, Mode mode, const char* name, const char* help) {
  auto args = std::make_shared<ClvArgs>();
  CLI::App* cmd = clv.add_subcommand(name, help);
  add_input_options(*cmd, args->input);
  args->settings.add_file(*cmd);
  args->settings.add_rename(*cmd);
  args->settings.add_tz(*cmd);
  cmd->add_option("--model", args->model, "Purchase model: bgnbd (default) or pareto");
  cmd->add_option("--unit", args->unit,
                  "Time unit of recency, T and rates: day, week (default), month");
  cmd->add_option(
      "--calibration-end", args->calibration_end,
      "Last day of the calibration period, YYYY-MM-DD (default: the latest event's day)");
  cmd->add_option("--holdout-end", args->holdout_end, "Last day of the holdout period, YYYY-MM-DD");
  cmd->add_option("--l2-penalty", args->penalty,
                  "L2 penalty on the log-parameters (default 0: plain maximum likelihood)");
  if (mode == Mode::kFit) {
    cmd->add_option("--params", args->params, "Write the fitted parameters to this JSON file");
  } else {
    cmd->add_option("--params", args->params,
                    "Read fitted parameters from this JSON file instead of fitting");
  }
  if (mode == Mode::kPredict) {
    args->settings.add_predictive(*cmd);
    args->settings.add_margin(*cmd);
    cmd->add_option("--forecast", args->forecast,
                    "Horizon of 'expected purchases', in units (default: one month)");
  }
  add_output_options(*cmd, args->output);
  cmd->callback([mode, args] { finish(run_clv(mode, *args)); });
}

}  // namespace

void add_clv_command(CLI::App& app) {
  CLI::App* clv =
      app.add_subcommand("clv", "Predictive CLV: BG/NBD or Pareto/NBD with Gamma-Gamma");
  clv->require_subcommand(1);
  add_mode(*clv, Mode::kFit, "fit", "Fit the models and print (and save) the parameters");
  add_mode(*clv, Mode::kPredict, "predict",
           "P(alive), expected purchases, expected spend and CLV per customer");
  add_mode(*clv, Mode::kValidate, "validate",
           "Predicted vs actual holdout transactions and the tracking series");
  clv->footer(R"(Examples:
  clm clv fit --events events.csv --calibration-end 1997-09-30 --params model.json
  clm clv predict --events events.csv --calibration-end 1997-09-30 --params model.json --format csv
  clm clv predict --events events.csv --model pareto --unit day --horizon 24 --discount 0.08 --margin 0.3
  clm clv validate --events events.csv --calibration-end 1997-09-30 --holdout-end 1998-06-30

Purchases are read up to the holdout end (or the calibration end), whatever the data's range.
)");
}

}  // namespace clm::cli
