# End-to-end tests of the subcommands other than `report` (check, config,
# value, cac, stages, rfm, clv, generate) on examples/data; see
# tests/cli/commands_test.sh.

if(TARGET clm_cli)
  set(_clm_command_cases
      check-pass check-fail check-null check-errors config-print settings-errors
      settings-report no-progress value-cac stages-rfm clv generate)
  foreach(_case IN LISTS _clm_command_cases)
    add_test(NAME "cli commands: ${_case}"
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/commands_test.sh ${_case}
                     $<TARGET_FILE:clm_cli> ${PROJECT_SOURCE_DIR}/examples/data
                     ${CMAKE_CURRENT_SOURCE_DIR}/cli)
  endforeach()
endif()
