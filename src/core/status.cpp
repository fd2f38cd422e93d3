#include "clm/status.h"

namespace clm {

int Status::exit_code() const {
  switch (code_) {
    case Code::kOk: return 0;
    case Code::kInvalidArgument: return 2;
    case Code::kDataError: return 65;
    case Code::kNotConverged: return 65;
    case Code::kNoInput: return 66;
    case Code::kIoError: return 74;
    case Code::kInternal: return 70;
  }
  return 70;
}

}  // namespace clm
