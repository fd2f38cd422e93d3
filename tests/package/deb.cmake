# Builds the Debian packages of the clm build at BUILD_DIR with `cpack -G DEB`,
# checks their metadata, unpacks them (dpkg-deb -x) into a scratch root, runs
# the unpacked `clm --version`, looks at the man page, and builds and runs the
# examples project against the headers and CMake package inside that root.
#
# -DBUILD_DIR= -DWORK_DIR= -DEXAMPLES_DIR= -DGENERATOR= -DVERSION= -DCPACK=
# -DDPKG_DEB= -DGZIP= -DMANPAGE=0|1
# Prints "SKIPPED:" (a CTest skip) when dpkg-deb is missing.
if(NOT DPKG_DEB)
  message("SKIPPED: dpkg-deb not found (not a Debian system)")
  return()
endif()
file(REMOVE_RECURSE ${WORK_DIR})
set(root ${WORK_DIR}/root)

include(${CMAKE_CURRENT_LIST_DIR}/run.cmake)

function(expect text regex what)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: no match for '${regex}' in\n${text}")
  endif()
endfunction()

# cpack stages and writes under WORK_DIR only, so it can run beside other
# installs of the same build.
run(ignored ${CPACK} --config ${BUILD_DIR}/CPackConfig.cmake -G DEB -B ${WORK_DIR}/out)
file(REMOVE_RECURSE ${WORK_DIR}/out/_CPack_Packages) # the staging copy: hundreds of MB in Debug
run(arch dpkg --print-architecture)
set(cli_deb ${WORK_DIR}/out/clm_${VERSION}_${arch}.deb)
set(dev_deb ${WORK_DIR}/out/libclm-dev_${VERSION}_${arch}.deb)
foreach(deb ${cli_deb} ${dev_deb})
  if(NOT EXISTS ${deb})
    file(GLOB made ${WORK_DIR}/out/*.deb)
    message(FATAL_ERROR "cpack did not write ${deb} (it wrote: ${made})")
  endif()
endforeach()

# Metadata. clm's Depends come from dpkg-shlibdeps: the runtime libraries of
# the three shared dependencies must be there.
run(info ${DPKG_DEB} --info ${cli_deb})
expect("${info}" "\n Package: clm\n" "clm.deb")
expect("${info}" "\n Version: ${VERSION}\n" "clm.deb")
expect("${info}" "\n Architecture: ${arch}\n" "clm.deb")
expect("${info}" "\n Maintainer: [^\n]+<[^\n]+@[^\n]+>\n" "clm.deb")
expect("${info}" "\n Section: utils\n" "clm.deb")
expect("${info}" "\n Description: customer-lifecycle metrics[^\n]*\n  [^\n]+" "clm.deb")
foreach(dep libfmt9 libdate-tz3 libsimdjson14 libstdc\\+\\+6 libc6)
  expect("${info}" "\n Depends: ([^\n]*[ ,])?${dep}[ ,\n]" "clm.deb Depends")
endforeach()
run(info ${DPKG_DEB} --info ${dev_deb})
expect("${info}" "\n Package: libclm-dev\n" "libclm-dev.deb")
expect("${info}" "\n Section: libdevel\n" "libclm-dev.deb")
foreach(dep libfmt-dev libhowardhinnant-date-dev libsimdjson-dev libboost-dev nlohmann-json3-dev)
  expect("${info}" "\n Depends: ([^\n]*[ ,])?${dep}[ ,\n]" "libclm-dev.deb Depends")
endforeach()

# Contents: what each package holds, then the unpacked files themselves.
run(cli_files ${DPKG_DEB} --contents ${cli_deb})
expect("${cli_files}" " \\./usr/bin/clm(\n|$)" "clm.deb contents")
expect("${cli_files}" " \\./usr/share/doc/clm/copyright(\n|$)" "clm.deb contents")
run(dev_files ${DPKG_DEB} --contents ${dev_deb})
foreach(f include/clm/event_store\\.h lib/[^\n]*libclm\\.a lib/[^\n]*cmake/clm/clmConfig\\.cmake
          lib/[^\n]*pkgconfig/clm\\.pc share/doc/libclm-dev/copyright)
  expect("${dev_files}" " \\./usr/${f}(\n|$)" "libclm-dev.deb contents")
endforeach()
if(dev_files MATCHES "usr/bin/")
  message(FATAL_ERROR "libclm-dev.deb holds a program:\n${dev_files}")
endif()

run(ignored ${DPKG_DEB} -x ${cli_deb} ${root})
run(ignored ${DPKG_DEB} -x ${dev_deb} ${root})
run(version ${root}/usr/bin/clm --version)
if(NOT version STREQUAL "clm ${VERSION}")
  message(FATAL_ERROR "unpacked clm --version printed '${version}', expected 'clm ${VERSION}'")
endif()

if(MANPAGE)
  set(man ${root}/usr/share/man/man1/clm.1.gz)
  if(NOT EXISTS ${man})
    message(FATAL_ERROR "clm.deb has no man page:\n${cli_files}")
  endif()
  run(page ${GZIP} -dc ${man})
  expect("${page}" "^[^\n]*\n\\.TH CLM \"1\" [^\n]* \"clm ${VERSION}\"" "clm.1")
  foreach(sub report generate)  # one per subcommand; two stand for all
    expect("${page}" "\n\\.SS \"clm ${sub}\"\n" "clm.1")
  endforeach()
  expect("${page}" "\\\\-\\\\-events" "clm.1")
endif()

# clm.pc in the package names the packaged prefix.
file(GLOB_RECURSE pc ${root}/usr/lib/*/clm.pc)
file(STRINGS ${pc} prefix_line REGEX "^prefix=")
if(NOT prefix_line STREQUAL "prefix=/usr")
  message(FATAL_ERROR "packaged clm.pc has '${prefix_line}', expected 'prefix=/usr'")
endif()

# The consumer: examples/ through find_package(clm) inside the unpacked root.
run(ignored ${CMAKE_COMMAND} -S ${EXAMPLES_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${root}/usr -DCMAKE_BUILD_TYPE=Release)
file(STRINGS ${WORK_DIR}/build/CMakeCache.txt clm_dir REGEX "^clm_DIR:")
if(NOT clm_dir MATCHES "=${root}/usr/")
  message(FATAL_ERROR "the consumer found clm outside the unpacked package: ${clm_dir}")
endif()
run(ignored ${CMAKE_COMMAND} --build ${WORK_DIR}/build --target nps_by_month)
run(out ${WORK_DIR}/build/nps_by_month)
# 10 answers: 6 promoters, 2 passives, 2 detractors -> NPS 100 * (6 - 2) / 10 = 40.
expect("${out}" "\nall +10 +6 +2 +2 +40\\.0 " "nps_by_month output")

# Passed: keep the .deb files, drop the unpacked copy.
file(REMOVE_RECURSE ${root} ${WORK_DIR}/build)
