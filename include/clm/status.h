// clm/status.h — the library's one error channel.
//
// Every fallible library call (I/O, parsing, validation) returns a Status or a
// Result<T>. Nothing in the library throws for bad input; a program maps the
// Code to what it reports (the clm tool to its exit statuses, docs/input.md).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace clm {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // a bad option or setting
    kDataError,        // bad input data
    kNoInput,          // an input cannot be opened
    kIoError,          // a write failed
    kNotConverged,     // a model fit did not converge
    kInternal,         // a bug in clm
  };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return {Code::kInvalidArgument, std::move(msg)}; }
  static Status DataError(std::string msg) { return {Code::kDataError, std::move(msg)}; }
  static Status NoInput(std::string msg) { return {Code::kNoInput, std::move(msg)}; }
  static Status IoError(std::string msg) { return {Code::kIoError, std::move(msg)}; }
  static Status NotConverged(std::string msg) { return {Code::kNotConverged, std::move(msg)}; }
  static Status Internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // Human-readable reason; empty for OK.
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none. A Result built from an
// OK Status is a programming error.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}             // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}      // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace clm
