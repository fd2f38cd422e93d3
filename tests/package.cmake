# Packaging tests, like fmt's find-package-test and add-subdirectory-test:
#  - package.install_and_find: installs this build into a scratch prefix and
#    builds examples/ against it with find_package(clm);
#  - package.add_subdirectory: builds a consumer that adds clm as a subdirectory.
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
set_tests_properties(package.install_and_find package.add_subdirectory PROPERTIES TIMEOUT 900)
