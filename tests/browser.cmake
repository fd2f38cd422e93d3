# Browser test: renders the example HTML report in headless Chromium, checks it
# loads without console messages, that every chart is in the DOM, and saves a
# screenshot to <build>/tests/browser/report.png (tests/browser/check_report.sh).
# Without chromium (scripts/install-deps.sh --test installs it) the test is
# reported as skipped.
if(TARGET clm_cli)
  find_program(CLM_CHROMIUM NAMES chromium chromium-browser)
  if(CLM_CHROMIUM)
    add_test(NAME browser.report
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/browser/check_report.sh
                     $<TARGET_FILE:clm_cli> ${PROJECT_SOURCE_DIR}/examples/data
                     ${CMAKE_CURRENT_BINARY_DIR}/browser ${CLM_CHROMIUM})
    set_tests_properties(browser.report PROPERTIES TIMEOUT 300)
  else()
    message(STATUS "chromium not found: browser.report will be skipped")
    add_test(NAME browser.report
             COMMAND sh -c "echo 'chromium not found: browser test skipped (scripts/install-deps.sh --test installs it)'; exit 77")
    set_tests_properties(browser.report PROPERTIES SKIP_RETURN_CODE 77)
  endif()
endif()
