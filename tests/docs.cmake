# Documentation links: every relative link and #anchor in README.md and
# docs/*.md resolves (scripts/check-doc-links.py). docs.links_fixture runs the
# same check on tests/docs/broken/, whose four broken links it must report, so
# a checker that finds nothing cannot pass.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME docs.links
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/check-doc-links.py
                   ${PROJECT_SOURCE_DIR})
  add_test(NAME docs.links_fixture
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/check-doc-links.py
                   ${CMAKE_CURRENT_SOURCE_DIR}/docs/broken)
  set_tests_properties(docs.links_fixture PROPERTIES
                       PASS_REGULAR_EXPRESSION "2 files checked, 4 broken link\\(s\\)")
else()
  message(STATUS "python3 not found: docs.links will be skipped")
  add_test(NAME docs.links COMMAND sh -c "echo 'python3 not found: link check skipped'; exit 77")
  set_tests_properties(docs.links PROPERTIES SKIP_RETURN_CODE 77)
endif()
