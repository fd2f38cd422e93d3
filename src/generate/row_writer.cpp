#include "generate/row_writer.h"

#include <cstdint>

namespace clm::gen {
namespace {

void two_digits(char* p, std::int64_t v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
}

}  // namespace

void RowWriter::date_chars(std::int64_t days) {
  if (days != cached_day_) {
    const CivilDate d = civil_from_days(days);
    const int y = d.year;  // the generator's years are 1..9999
    day_text_[0] = static_cast<char>('0' + y / 1000);
    day_text_[1] = static_cast<char>('0' + y / 100 % 10);
    day_text_[2] = static_cast<char>('0' + y / 10 % 10);
    day_text_[3] = static_cast<char>('0' + y % 10);
    day_text_[4] = '-';
    two_digits(day_text_ + 5, d.month);
    day_text_[7] = '-';
    two_digits(day_text_ + 8, d.day);
    cached_day_ = days;
  }
  raw({day_text_, 10});
}

void RowWriter::timestamp(std::string_view key, Timestamp t) {
  sep(key);
  if (!csv()) put('"');
  const std::int64_t days = floor_div(t, kSecondsPerDay);
  const std::int64_t sod = t - days * kSecondsPerDay;
  date_chars(days);
  char* p = buf_.get() + pos_;
  p[0] = 'T';
  two_digits(p + 1, sod / 3600);
  p[3] = ':';
  two_digits(p + 4, sod / 60 % 60);
  p[6] = ':';
  two_digits(p + 7, sod % 60);
  p[9] = 'Z';
  pos_ += 10;
  if (!csv()) put('"');
}

void RowWriter::date(std::string_view key, Timestamp t) {
  sep(key);
  if (!csv()) put('"');
  date_chars(floor_div(t, kSecondsPerDay));
  if (!csv()) put('"');
}

void RowWriter::integer(std::string_view key, std::int64_t v) {
  sep(key);
  if (v < 0) {
    put('-');
    v = -v;  // generated values are far from INT64_MIN
  }
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) put(digits[--n]);
}

void RowWriter::cents(std::string_view key, std::int64_t c) {
  integer(key, c / 100);
  put('.');
  two_digits(buf_.get() + pos_, c % 100);
  pos_ += 2;
}

void RowWriter::flush() {
  if (pos_ == 0) return;
  if (status_.ok()) status_ = sink_.append({buf_.get(), pos_});
  bytes_ += static_cast<std::int64_t>(pos_);
  pos_ = 0;
}

}  // namespace clm::gen
