# The C++ examples of README.md and docs/*.md: every ```cpp block is a program
# that is compiled against clm::clm and run from the repository root, its
# output compared with the ```output block after it when there is one
# (conventions: scripts/doc-examples.py).
#
# The programs are not part of the default build: docs.examples.build builds
# them all (a compile error fails that test and, through the fixture, every
# docs.example.* test), then each docs.example.<name> runs one. The blocks are
# extracted at configure time; editing a Markdown file re-runs the extraction.
find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  add_test(NAME docs.examples COMMAND sh -c "echo 'python3 not found: examples skipped'; exit 77")
  set_tests_properties(docs.examples PROPERTIES SKIP_RETURN_CODE 77)
  return()
endif()

set(_clm_doc_script ${PROJECT_SOURCE_DIR}/scripts/doc-examples.py)
set(_clm_doc_dir ${CMAKE_CURRENT_BINARY_DIR}/doc_examples)
file(GLOB _clm_doc_markdown ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/*.md)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_clm_doc_markdown} ${_clm_doc_script})
execute_process(
  COMMAND ${Python3_EXECUTABLE} ${_clm_doc_script} extract ${PROJECT_SOURCE_DIR} ${_clm_doc_dir}
  OUTPUT_VARIABLE _clm_doc_programs
  ERROR_VARIABLE _clm_doc_errors
  RESULT_VARIABLE _clm_doc_result)
if(NOT _clm_doc_result EQUAL 0)
  message(WARNING "C++ examples of the documentation (docs.examples.conventions fails):\n"
                  "${_clm_doc_errors}")
endif()

add_custom_target(clm_doc_examples)
string(REPLACE "\n" ";" _clm_doc_programs "${_clm_doc_programs}")
foreach(_line IN LISTS _clm_doc_programs)
  if(_line STREQUAL "")
    continue()
  endif()
  string(REPLACE " " ";" _fields "${_line}")
  list(GET _fields 0 _name)
  list(GET _fields 1 _markdown)
  list(GET _fields 2 _first_line)
  list(GET _fields 3 _has_output)
  add_executable(doc_${_name} EXCLUDE_FROM_ALL ${_clm_doc_dir}/${_name}.cpp)
  target_link_libraries(doc_${_name} PRIVATE clm::clm)
  clm_set_warnings(doc_${_name})
  add_dependencies(clm_doc_examples doc_${_name})
  set(_expected -)
  if(_has_output)
    set(_expected ${_clm_doc_dir}/${_name}.out)
  endif()
  add_test(NAME "docs.example.${_markdown}:${_first_line}"
           COMMAND ${Python3_EXECUTABLE} ${_clm_doc_script} run ${_expected} -- $<TARGET_FILE:doc_${_name}>
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties("docs.example.${_markdown}:${_first_line}" PROPERTIES
                       FIXTURES_REQUIRED clm_doc_examples)
endforeach()

add_test(NAME docs.examples.build
         COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target clm_doc_examples)
set_tests_properties(docs.examples.build PROPERTIES FIXTURES_SETUP clm_doc_examples)

# Every C++ block of the documentation is a program or marked as a fragment.
add_test(NAME docs.examples.conventions
         COMMAND ${Python3_EXECUTABLE} ${_clm_doc_script} extract ${PROJECT_SOURCE_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/doc_examples_check)
# The conventions are enforced: the fixture's unmarked fragment and stray
# output block must be reported, so a checker that accepts anything cannot pass.
add_test(NAME docs.examples.conventions_fixture
         COMMAND ${Python3_EXECUTABLE} ${_clm_doc_script} extract
                 ${CMAKE_CURRENT_SOURCE_DIR}/docs/unmarked ${CMAKE_CURRENT_BINARY_DIR}/doc_examples_fixture)
set_tests_properties(docs.examples.conventions_fixture PROPERTIES
                     PASS_REGULAR_EXPRESSION "README.md:5: C\\+\\+ block without main\\(\\).*README.md:15: ```output block without")
