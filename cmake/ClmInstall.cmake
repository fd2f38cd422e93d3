# Installs the library, headers, CLI and a CMake package so that
# find_package(clm) gives the imported target clm::clm.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CLM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/clm)

install(TARGETS clm EXPORT clmTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/clm DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET clm_cli)
  install(TARGETS clm_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(EXPORT clmTargets NAMESPACE clm:: FILE clmTargets.cmake DESTINATION ${CLM_CMAKE_DIR})
configure_package_config_file(cmake/clmConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/clmConfig.cmake INSTALL_DESTINATION ${CLM_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/clmConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/clmConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/clmConfigVersion.cmake
        DESTINATION ${CLM_CMAKE_DIR})
