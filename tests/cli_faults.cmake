# End-to-end tests of the built clm under faults around its files and process:
# outputs that are FIFOs, links or inputs, signals while writing, an input
# that changes while read, user mistakes, control characters in identifiers.
# See tests/cli/faults_test.sh.
if(TARGET clm_cli)
  set(_clm_fault_cases
      output-special output-is-input fixed-temp-names signal-cleanup changed-input
      user-mistakes control-characters lenient-messages)
  foreach(_case IN LISTS _clm_fault_cases)
    add_test(NAME "cli faults: ${_case}"
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/faults_test.sh ${_case}
                     $<TARGET_FILE:clm_cli> ${PROJECT_SOURCE_DIR}/examples/data
                     ${CMAKE_CURRENT_SOURCE_DIR}/cli/expected)
  endforeach()
endif()
