# CTest bench_smoke: runs `clm_bench --smoke` and checks that it succeeds and
# writes valid JSON with both data sets. It never asserts a time.
#   cmake -DBENCH=<clm_bench> -DWORK=<dir> -P smoke.cmake
file(REMOVE_RECURSE ${WORK})
execute_process(
  COMMAND ${BENCH} --smoke --cache ${WORK}/data --out ${WORK}/bench.json
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "clm_bench --smoke failed with status ${rc}")
endif()
file(READ ${WORK}/bench.json json)
string(JSON datasets ERROR_VARIABLE err LENGTH "${json}" datasets)
if(err)
  message(FATAL_ERROR "clm_bench wrote invalid JSON: ${err}")
endif()
if(NOT datasets EQUAL 2)
  message(FATAL_ERROR "expected 2 data sets (csv, jsonl), found ${datasets}")
endif()
string(JSON ingest ERROR_VARIABLE err GET "${json}" datasets 0 ingest median_s)
if(err)
  message(FATAL_ERROR "no ingest timing: ${err}")
endif()
file(REMOVE_RECURSE ${WORK}/data)
