# The module graph of src/CMakeLists.txt, checked by compiling: an internal
# header compiles in its own folder and in the folders above it that may see
# it, and fails to compile — "No such file" — from a folder that may not.
# Each case is <folder whose settings compile it>:<internal header>:<ok|rejected>.
set(_graph_cases
  report:report/cells.h:ok            # a folder sees its own internals
  lifecycle:report/cells.h:rejected   # a metric knows no output
  value:report/cells.h:rejected       # nor does value
  analysis:report/cells.h:rejected    # the report uses the analysis, not the reverse
  report:io/text_input.h:rejected     # the report knows no file format
  core:io/table_sink.h:rejected       # the store knows no reader
  io:core/interner.h:ok               # the readers fill the builder's rows
  lifecycle:predictive/special.h:rejected)
set(_graph_args)
foreach(case IN LISTS _graph_cases)
  string(REPLACE ":" ";" parts "${case}")
  list(GET parts 0 folder)
  list(APPEND _graph_args
       "-DINCLUDES_${folder}=$<JOIN:$<TARGET_PROPERTY:clm_${folder},INCLUDE_DIRECTORIES>,|>")
endforeach()
list(REMOVE_DUPLICATES _graph_args)
string(JOIN "," _graph_cases_arg ${_graph_cases})
add_test(NAME module_graph.internal_headers
  COMMAND ${CMAKE_COMMAND} -DCXX=${CMAKE_CXX_COMPILER} "-DCASES=${_graph_cases_arg}"
          -DSOURCE_DIR=${PROJECT_SOURCE_DIR} ${_graph_args}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/module_graph/check_includes.cmake)
