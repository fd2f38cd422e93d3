# End-to-end tests of the `clm` executable on examples/data: the report in
# every format against tests/cli/expected (regenerate with
# tests/cli/update_expected.sh), shuffled input rows, 1 thread vs all, exit statuses, atomic
# --output, a closed pipe, lenient mode, --version and --help.
if(TARGET clm_cli)
  set(_clm_cli_cases
      report-table report-json report-csv report-markdown report-html
      shuffled threads jsonl stdin rename default-format color
      exit-usage exit-bad-data exit-no-input exit-write output-atomic broken-pipe
      lenient as-of version help)
  foreach(_case IN LISTS _clm_cli_cases)
    add_test(NAME "cli: ${_case}"
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh ${_case}
                     $<TARGET_FILE:clm_cli> ${PROJECT_SOURCE_DIR}/examples/data
                     ${CMAKE_CURRENT_SOURCE_DIR}/cli/expected ${PROJECT_VERSION})
  endforeach()
endif()
