# End-to-end tests of the built clm on doubtful input and option values.
# See tests/cli/input_test.sh.
if(TARGET clm_cli)
  set(_clm_input_cases activity-types type-lookalikes empty-values sparse-nul readers-agree)
  foreach(_case IN LISTS _clm_input_cases)
    add_test(NAME "cli input: ${_case}"
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/input_test.sh ${_case}
                     $<TARGET_FILE:clm_cli> ${PROJECT_SOURCE_DIR}/examples/data)
  endforeach()
endif()
