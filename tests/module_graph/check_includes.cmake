# Compiles a one-line translation unit `#include "<header>"` with the include
# directories of a folder's target and checks the outcome of each case
# (tests/module_graph.cmake). Also refuses quoted includes that climb out of a
# folder with "../", which no include directory could stop.
#
# -DCXX= -DCASES=folder:header:ok|rejected,... -DINCLUDES_<folder>=dir|dir... -DSOURCE_DIR=
string(REPLACE "," ";" cases "${CASES}")
set(work ${CMAKE_CURRENT_BINARY_DIR}/module_graph_probe)
file(MAKE_DIRECTORY ${work})
set(failures "")
foreach(case IN LISTS cases)
  string(REPLACE ":" ";" parts "${case}")
  list(GET parts 0 folder)
  list(GET parts 1 header)
  list(GET parts 2 expect)
  string(REPLACE "|" ";" dirs "${INCLUDES_${folder}}")
  if(NOT dirs)
    message(FATAL_ERROR "no include directories for clm_${folder}")
  endif()
  list(TRANSFORM dirs PREPEND "-I")
  string(MAKE_C_IDENTIFIER "${folder}_${header}" name)
  file(WRITE ${work}/${name}.cpp "#include \"${header}\"\n")
  execute_process(COMMAND ${CXX} -std=c++20 -fsyntax-only ${dirs} ${work}/${name}.cpp
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(expect STREQUAL "ok" AND NOT rc EQUAL 0)
    string(APPEND failures "clm_${folder} cannot include ${header}:\n${err}\n")
  elseif(expect STREQUAL "rejected")
    if(rc EQUAL 0)
      string(APPEND failures "clm_${folder} can include ${header}, which is above or beside it\n")
    elseif(NOT err MATCHES "${header}: No such file|'${header}' file not found")
      string(APPEND failures "clm_${folder} failed on ${header} for another reason:\n${err}\n")
    endif()
  endif()
  message(STATUS "${folder} -> ${header}: ${expect}")
endforeach()

file(GLOB_RECURSE sources ${SOURCE_DIR}/src/*.h ${SOURCE_DIR}/src/*.cpp)
foreach(file IN LISTS sources)
  file(STRINGS ${file} climbing REGEX "^[ \t]*#[ \t]*include[ \t]*\"\\.\\./")
  if(climbing)
    string(APPEND failures "${file}: ${climbing} (include \"<folder>/x.h\" instead)\n")
  endif()
endforeach()

if(failures)
  message(FATAL_ERROR "${failures}")
endif()
