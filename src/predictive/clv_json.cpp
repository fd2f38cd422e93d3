// Saving and loading a fitted ClvModel as JSON, so a service can fit nightly
// and forecast online. Doubles are written with round-trip precision.
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "clm/predictive_clv.h"

namespace clm {
namespace {

using nlohmann::json;

json quality_json(const FitQuality& q) {
  json se = json::array();
  for (const auto& s : q.std_errors) se.push_back(s ? json(*s) : json(nullptr));
  return {{"log_likelihood", q.log_likelihood},
          {"aic", q.aic},
          {"bic", q.bic},
          {"customers", q.customers},
          {"distinct_rows", q.distinct_rows},
          {"iterations", q.iterations},
          {"starts", q.starts},
          {"gradient_norm", q.gradient_norm},
          {"stop_reason", q.stop_reason},
          {"at_bound", q.at_bound},
          {"std_errors", se}};
}

// A positive finite number member, or DataError naming it.
Result<double> positive(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) {
    return Status::DataError(std::string("model JSON: missing number '") + key + "'");
  }
  const double v = it->get<double>();
  if (!(v > 0) || !std::isfinite(v)) {
    return Status::DataError(std::string("model JSON: '") + key + "' must be > 0");
  }
  return v;
}

// A number member or `fallback` (never throws on a wrong type).
double number_or(const json& j, const char* key, double fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

std::optional<FitQuality> parse_quality(const json& j) {
  if (!j.is_object()) return std::nullopt;
  FitQuality q;
  q.log_likelihood = number_or(j, "log_likelihood", 0.0);
  q.aic = number_or(j, "aic", 0.0);
  q.bic = number_or(j, "bic", 0.0);
  q.customers = static_cast<std::int64_t>(number_or(j, "customers", 0.0));
  q.distinct_rows = static_cast<std::int64_t>(number_or(j, "distinct_rows", 0.0));
  q.iterations = static_cast<int>(number_or(j, "iterations", 0.0));
  q.starts = static_cast<int>(number_or(j, "starts", 0.0));
  q.gradient_norm = number_or(j, "gradient_norm", 0.0);
  if (auto it = j.find("stop_reason"); it != j.end() && it->is_string()) {
    q.stop_reason = it->get<std::string>();
  }
  if (auto it = j.find("at_bound"); it != j.end() && it->is_array()) {
    for (const auto& name : *it) {
      if (name.is_string()) q.at_bound.push_back(name.get<std::string>());
    }
  }
  if (auto it = j.find("std_errors"); it != j.end() && it->is_array()) {
    for (const auto& s : *it) {
      q.std_errors.push_back(s.is_number() ? std::optional<double>(s.get<double>()) : std::nullopt);
    }
  }
  return q;
}

}  // namespace

std::string to_json(const ClvModel& model) {
  json j;
  j["purchase_model"] = std::string(purchase_model_name(model.kind()));
  j["unit"] = std::string(time_unit_name(model.unit()));
  if (const auto* p = std::get_if<BgNbdParams>(&model.purchases)) {
    j["params"] = {{"r", p->r}, {"alpha", p->alpha}, {"a", p->a}, {"b", p->b}};
  } else {
    const auto& q = std::get<ParetoNbdParams>(model.purchases);
    j["params"] = {{"r", q.r}, {"alpha", q.alpha}, {"s", q.s}, {"beta", q.beta}};
  }
  if (model.spend) {
    j["spend"] = {{"model", "gamma_gamma"},
                  {"p", model.spend->p},
                  {"q", model.spend->q},
                  {"gamma", model.spend->gamma}};
  } else {
    j["spend"] = nullptr;
  }
  json fit = json::object();
  if (model.purchases_quality) fit["purchases"] = quality_json(*model.purchases_quality);
  if (model.spend_quality) fit["spend"] = quality_json(*model.spend_quality);
  j["fit"] = fit;
  return j.dump(2) + "\n";
}

Result<ClvModel> parse_clv_model(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::DataError("model JSON: malformed JSON");
  auto kind_it = j.find("purchase_model");
  auto unit_it = j.find("unit");
  if (kind_it == j.end() || !kind_it->is_string() || unit_it == j.end() || !unit_it->is_string()) {
    return Status::DataError("model JSON: needs string members 'purchase_model' and 'unit'");
  }
  const auto kind = parse_purchase_model(kind_it->get<std::string>());
  if (!kind) return Status::DataError("model JSON: unknown purchase_model");
  const auto unit = parse_time_unit(unit_it->get<std::string>());
  if (!unit) return Status::DataError("model JSON: unknown unit (day, week or month)");
  auto params_it = j.find("params");
  if (params_it == j.end() || !params_it->is_object()) {
    return Status::DataError("model JSON: missing object 'params'");
  }
  const json& params = *params_it;
  ClvModel m;
  auto r = positive(params, "r");
  auto alpha = positive(params, "alpha");
  if (!r.ok()) return r.status();
  if (!alpha.ok()) return alpha.status();
  if (*kind == PurchaseModel::kBgNbd) {
    auto a = positive(params, "a");
    auto b = positive(params, "b");
    if (!a.ok()) return a.status();
    if (!b.ok()) return b.status();
    m.purchases = BgNbdParams{*r, *alpha, *a, *b, *unit};
  } else {
    auto s = positive(params, "s");
    auto beta = positive(params, "beta");
    if (!s.ok()) return s.status();
    if (!beta.ok()) return beta.status();
    m.purchases = ParetoNbdParams{*r, *alpha, *s, *beta, *unit};
  }
  if (auto it = j.find("spend"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) return Status::DataError("model JSON: 'spend' must be an object or null");
    auto p = positive(*it, "p");
    auto q = positive(*it, "q");
    auto g = positive(*it, "gamma");
    if (!p.ok()) return p.status();
    if (!q.ok()) return q.status();
    if (!g.ok()) return g.status();
    m.spend = GammaGammaParams{*p, *q, *g};
  }
  if (auto it = j.find("fit"); it != j.end() && it->is_object()) {
    if (auto f = it->find("purchases"); f != it->end()) m.purchases_quality = parse_quality(*f);
    if (auto f = it->find("spend"); f != it->end()) m.spend_quality = parse_quality(*f);
  }
  return m;
}

}  // namespace clm
