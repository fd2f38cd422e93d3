# Packaging tests, like fmt's find-package-test and add-subdirectory-test:
#  - package.install_and_find: installs this build into a scratch prefix and
#    builds examples/ against it with find_package(clm);
#  - package.add_subdirectory: builds a consumer that adds clm as a subdirectory;
#  - package.pkgconfig: installs the library and compiles examples/nps_by_month.cpp
#    with the flags of `pkg-config --static --libs clm`;
#  - package.deb: builds the .deb files with cpack, checks their metadata,
#    unpacks them and builds examples/ against what is inside.
# Skipped in sanitizer builds (they test the build system, not the code).
if(CLM_SANITIZE OR NOT CLM_INSTALL)
  return()
endif()

set(_pkg_dir ${CMAKE_CURRENT_BINARY_DIR}/package)
add_test(NAME package.install_and_find
  COMMAND ${CMAKE_COMMAND}
    -DBUILD_DIR=${PROJECT_BINARY_DIR}
    -DEXAMPLES_DIR=${PROJECT_SOURCE_DIR}/examples
    -DWORK_DIR=${_pkg_dir}/find-package
    -DGENERATOR=${CMAKE_GENERATOR}
    -P ${CMAKE_CURRENT_SOURCE_DIR}/package/install_and_find.cmake)
add_test(NAME package.add_subdirectory
  COMMAND ${CMAKE_COMMAND}
    -DCLM_SOURCE_DIR=${PROJECT_SOURCE_DIR}
    -DCONSUMER_DIR=${CMAKE_CURRENT_SOURCE_DIR}/package/add-subdirectory
    -DWORK_DIR=${_pkg_dir}/add-subdirectory
    -DGENERATOR=${CMAKE_GENERATOR}
    -P ${CMAKE_CURRENT_SOURCE_DIR}/package/add_subdirectory.cmake)
find_program(CLM_PKG_CONFIG pkg-config)
add_test(NAME package.pkgconfig
  COMMAND ${CMAKE_COMMAND}
    -DBUILD_DIR=${PROJECT_BINARY_DIR}
    -DEXAMPLES_DIR=${PROJECT_SOURCE_DIR}/examples
    -DWORK_DIR=${_pkg_dir}/pkgconfig
    -DPKG_CONFIG=${CLM_PKG_CONFIG}
    -DCXX=${CMAKE_CXX_COMPILER}
    -DVERSION=${PROJECT_VERSION}
    -P ${CMAKE_CURRENT_SOURCE_DIR}/package/pkgconfig.cmake)
find_program(CLM_DPKG_DEB dpkg-deb)
find_program(CLM_GZIP gzip)
add_test(NAME package.deb
  COMMAND ${CMAKE_COMMAND}
    -DBUILD_DIR=${PROJECT_BINARY_DIR}
    -DEXAMPLES_DIR=${PROJECT_SOURCE_DIR}/examples
    -DWORK_DIR=${_pkg_dir}/deb
    -DGENERATOR=${CMAKE_GENERATOR}
    -DVERSION=${PROJECT_VERSION}
    -DCPACK=${CMAKE_CPACK_COMMAND}
    -DDPKG_DEB=${CLM_DPKG_DEB}
    -DGZIP=${CLM_GZIP}
    -DMANPAGE=$<TARGET_EXISTS:clm_manpage>
    -P ${CMAKE_CURRENT_SOURCE_DIR}/package/deb.cmake)
set_tests_properties(package.install_and_find package.add_subdirectory package.pkgconfig
  package.deb PROPERTIES TIMEOUT 900)
set_tests_properties(package.pkgconfig package.deb PROPERTIES SKIP_REGULAR_EXPRESSION "SKIPPED:")
