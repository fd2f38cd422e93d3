# Installs the library part (component dev) of the clm build at BUILD_DIR into
# WORK_DIR/prefix, then compiles and runs examples/nps_by_month.cpp with
# nothing but the flags `pkg-config --cflags --libs --static clm` gives.
#
# -DBUILD_DIR= -DWORK_DIR= -DEXAMPLES_DIR= -DPKG_CONFIG= -DCXX= -DVERSION=
# Prints "SKIPPED:" (a CTest skip) when pkg-config is missing.
if(NOT PKG_CONFIG)
  message("SKIPPED: pkg-config not found (apt-get install pkg-config)")
  return()
endif()
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

include(${CMAKE_CURRENT_LIST_DIR}/run.cmake)

run(ignored ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --component dev)
file(GLOB_RECURSE pc_files ${prefix}/*/clm.pc)
list(LENGTH pc_files n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one installed clm.pc, found: ${pc_files}")
endif()
get_filename_component(pc_dir ${pc_files} DIRECTORY)
if(NOT pc_dir MATCHES "/pkgconfig$")
  message(FATAL_ERROR "clm.pc is not in a pkgconfig directory: ${pc_dir}")
endif()
set(ENV{PKG_CONFIG_PATH} ${pc_dir})

# The prefix is the one given to `cmake --install`, not the configured one.
run(got ${PKG_CONFIG} --variable=prefix clm)
if(NOT got STREQUAL prefix)
  message(FATAL_ERROR "clm.pc prefix is '${got}', expected '${prefix}'")
endif()
run(got ${PKG_CONFIG} --modversion clm)
if(NOT got STREQUAL VERSION)
  message(FATAL_ERROR "clm.pc version is '${got}', expected '${VERSION}'")
endif()
# Plain --libs: just the library; --static adds its private dependencies
# (fmt and simdjson through their own .pc files, date-tz has none).
run(got ${PKG_CONFIG} --libs clm)
if(NOT got MATCHES "-lclm" OR got MATCHES "-lfmt")
  message(FATAL_ERROR "pkg-config --libs clm gave '${got}'")
endif()
run(flags ${PKG_CONFIG} --cflags --libs --static clm)
foreach(lib -lclm -lfmt -lsimdjson -ldate-tz)
  if(NOT flags MATCHES "(^| )${lib}( |$)")
    message(FATAL_ERROR "pkg-config --static --libs clm lacks ${lib}: '${flags}'")
  endif()
endforeach()
if(NOT flags MATCHES "-I${prefix}/include")
  message(FATAL_ERROR "pkg-config --cflags clm lacks -I${prefix}/include: '${flags}'")
endif()

separate_arguments(flags UNIX_COMMAND "${flags}")
run(ignored ${CXX} -std=c++20 ${EXAMPLES_DIR}/nps_by_month.cpp ${flags} -o ${WORK_DIR}/nps_by_month)
run(out ${WORK_DIR}/nps_by_month)
# 10 answers: 6 promoters, 2 passives, 2 detractors -> NPS 100 * (6 - 2) / 10 = 40.
if(NOT out MATCHES "\nall +10 +6 +2 +2 +40\\.0 ")
  message(FATAL_ERROR "unexpected output of nps_by_month:\n${out}")
endif()
