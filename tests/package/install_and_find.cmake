# Installs the clm build at BUILD_DIR into WORK_DIR/prefix, then configures,
# builds and runs the examples project against it through find_package(clm).
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGV}")
  endif()
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
foreach(f include/clm/event_store.h bin/clm)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "install is missing ${f}")
  endif()
endforeach()
# lib/ or lib/<multiarch>/ (GNUInstallDirs, for the prefix /usr).
foreach(f cmake/clm/clmConfig.cmake pkgconfig/clm.pc)
  get_filename_component(name ${f} NAME)
  file(GLOB_RECURSE found ${prefix}/lib/*/${name})
  list(FILTER found INCLUDE REGEX "^${prefix}/lib/([^/]+/)?${f}$")
  if(NOT found)
    message(FATAL_ERROR "install is missing lib/.../${f}")
  endif()
endforeach()
run(${CMAKE_COMMAND} -S ${EXAMPLES_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/nps_by_month)
