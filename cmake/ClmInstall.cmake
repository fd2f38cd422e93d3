# Installs the library, headers, CLI, a CMake package (find_package(clm) gives
# the imported target clm::clm) and a pkg-config file (clm.pc).
#
# Two install components, which are also the two Debian packages
# (cmake/ClmPackaging.cmake): `cli` (bin/clm, its man page) and `dev` (the
# library, headers, CMake package, clm.pc). `cmake --install` installs both;
# `--component dev` only the library.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CLM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/clm)

install(TARGETS clm EXPORT clmTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT dev
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/clm DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
if(TARGET clm_cli)
  install(TARGETS clm_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
endif()

install(EXPORT clmTargets NAMESPACE clm:: FILE clmTargets.cmake DESTINATION ${CLM_CMAKE_DIR}
        COMPONENT dev)
configure_package_config_file(cmake/clmConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/clmConfig.cmake INSTALL_DESTINATION ${CLM_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/clmConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/clmConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/clmConfigVersion.cmake
        DESTINATION ${CLM_CMAKE_DIR} COMPONENT dev)

# clm.pc. Its prefix must be the one of the install, which `cmake --install
# --prefix` and CPack (/usr) choose after configure: the template is filled
# here except for the prefix, and finished at install time. The directories
# stay relative to ${prefix} unless they were given as absolute paths.
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(CLM_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(CLM_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
# howardhinnant date-tz ships no .pc file: name its library directly.
string(STRIP "-ldate-tz ${CMAKE_THREAD_LIBS_INIT}" CLM_PC_LIBS_PRIVATE)
set(CLM_PC_PREFIX "@CLM_PC_PREFIX@") # kept for the install-time pass
configure_file(cmake/clm.pc.in ${CMAKE_CURRENT_BINARY_DIR}/clm.pc.in @ONLY)
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(_clm_pc_dest "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
else()
  set(_clm_pc_dest "\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig")
endif()
# Each destination gets its own scratch file, so that concurrent installs of
# one build (tests, cpack) never write the same file.
install(CODE "
  set(CLM_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  string(MD5 _clm_pc_key \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
  set(_clm_pc \"${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/\${_clm_pc_key}/clm.pc\")
  configure_file(\"${CMAKE_CURRENT_BINARY_DIR}/clm.pc.in\" \"\${_clm_pc}\" @ONLY)
  file(INSTALL DESTINATION \"${_clm_pc_dest}\" TYPE FILE FILES \"\${_clm_pc}\")
" COMPONENT dev)

# The licence, where Debian looks for it: /usr/share/doc/<package>/copyright.
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/clm RENAME copyright COMPONENT cli)
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/libclm-dev RENAME copyright
        COMPONENT dev)
