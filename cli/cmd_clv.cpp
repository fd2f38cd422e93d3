// `clm clv fit|predict|validate`: predictive CLV with BG/NBD or Pareto/NBD
// and Gamma–Gamma, on a calibration period (and optional holdout) of the
// events' purchases.
#include <CLI/CLI.hpp>
#include <memory>
#include <sstream>
#include <string>

#include "clm/output_file.h"
#include "clm/predictive_clv.h"
#include "clm/predictive_report.h"
#include "clm/time.h"
#include "commands.h"
#include "common.h"
#include "settings.h"
#include "text_file.h"

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

Result<SummaryOptions> summary_options(const ClvArgs& a, const EventStore& store,
                                       const TimeZone& tz) {
  SummaryOptions o;
  o.calendar.tz = tz;
  const auto unit = parse_time_unit(a.unit);
  if (!unit) return Status::InvalidArgument("--unit: expected day, week or month");
  o.unit = *unit;
  if (!a.calibration_end.empty()) {
    auto d = parse_date(a.calibration_end, "--calibration-end", tz);
    if (!d.ok()) return d.status();
    o.calibration_end = *d;
  } else {
    if (!a.holdout_end.empty()) {
      return Status::InvalidArgument("--holdout-end needs --calibration-end");
    }
    auto d = latest_event_day(store, tz);
    if (!d.ok()) return d.status();
    o.calibration_end = *d;
  }
  if (!a.holdout_end.empty()) {
    auto d = parse_date(a.holdout_end, "--holdout-end", tz);
    if (!d.ok()) return d.status();
    o.holdout_end = *d;
  }
  return o;
}

Result<ClvModel> load_model(const std::string& path) {
  auto text = read_text_file(path, "--params file");
  if (!text.ok()) return text.status();
  auto m = parse_clv_model(*text);
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
  const bool params_out = mode == Mode::kFit;
  if (Status s =
          check_outputs_apart(input_paths(a.input, {a.settings.file(), params_out ? "" : a.params}),
                              {a.output.output, params_out ? a.params : ""});
      !s.ok()) {
    return report_error(s);
  }
  Progress progress(progress_wanted(a.input.quiet));
  auto data = load_data(a.input, *settings, progress);
  if (!data.ok()) return report_error(data.status());
  progress.finish();
  auto so = summary_options(a, *data->store, *tz);
  if (!so.ok()) return report_error(so.status());
  auto summary = summarize_purchases(*data->store, *so);
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

  // fit and predict exist to give the spend model and CLV: without one they
  // fail (65) with the reason; validate compares purchases only and notes it.
  if (!model.spend && mode != Mode::kValidate) {
    const std::string why =
        model.spend_error.empty() ? a.params + " holds no spend model" : model.spend_error;
    return report_error(Status::DataError("the spend model cannot be fitted, so no CLV: " + why));
  }

  Document doc = predictive_clv_report(model, *summary);

  if (mode == Mode::kFit) {
    if (!a.params.empty()) {
      if (Status s = write_file(a.params, to_json(model)); !s.ok()) {
        return report_error(Status::IoError("--params: " + s.message()));
      }
    }
    doc.sections.push_back(clv_params_section(model));
  } else if (mode == Mode::kPredict) {
    ForecastOptions co = forecast_options(*settings);
    if (a.forecast > 0) co.forecast_units = a.forecast;
    auto f = forecast_customers(*summary, model, co);
    if (!f.ok()) return report_error(f.status());
    doc.sections.push_back(clv_customers_section(*data->store, *f, co, summary->unit));
  } else {
    auto v = validate_holdout(*summary, model);
    if (!v.ok()) return report_error(v.status());
    doc.sections.push_back(clv_params_section(model));
    for (Section& s : clv_validation_sections(*v, summary->unit))
      doc.sections.push_back(std::move(s));
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
    cmd->add_option("--params", args->params, "Write the fitted parameters to this JSON file")
        ->check(not_empty("give a file name, or leave the option out"));
  } else {
    cmd->add_option("--params", args->params,
                    "Read fitted parameters from this JSON file instead of fitting")
        ->check(not_empty("give a file name, or leave the option out"));
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
