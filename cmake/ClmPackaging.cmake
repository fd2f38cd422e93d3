# Debian packages with CPack: `cpack -G DEB` in a build directory writes
#
#   clm_<version>_<arch>.deb         the command and its man page (component cli)
#   libclm-dev_<version>_<arch>.deb  static library, headers, CMake package and
#                                    clm.pc (component dev)
#
# clm's Depends come from dpkg-shlibdeps (dpkg-dev) run on the binary; without
# it, the Debian 12 runtime packages are listed by hand. libclm-dev depends on
# the -dev packages a consumer needs to link the static library (clmConfig.cmake
# and clm.pc name them), bounded to the ABI it was built against.
set(CLM_PACKAGE_MAINTAINER "clm maintainers <maintainers@users.noreply.h-seed-18eef466.example>"
    CACHE STRING "Maintainer field of the Debian packages")
set(CLM_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}"
    CACHE STRING "Homepage field of the Debian packages (left out when empty)")

set(CPACK_PACKAGE_NAME clm)
set(CPACK_PACKAGE_VENDOR "clm")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${CLM_PACKAGE_MAINTAINER}")
# CPackDeb puts any summary but its own default before each component's
# description; the two packages need their own first (synopsis) lines.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON) # executables only: CMake never strips static libraries
if(NOT CPACK_GENERATOR)
  set(CPACK_GENERATOR DEB)
endif()
# Source packages must not sweep up build trees or the repository.
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/\\.cache/")

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL dev)
if(TARGET clm_cli)
  list(PREPEND CPACK_COMPONENTS_ALL cli)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # <name>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CLM_PACKAGE_MAINTAINER}")
if(CLM_PACKAGE_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CLM_PACKAGE_HOMEPAGE}")
endif()
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

set(CPACK_DEBIAN_CLI_PACKAGE_NAME clm)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_CLI_DESCRIPTION
"customer-lifecycle metrics from event data: command-line tool
clm computes customer-lifecycle and customer-success metrics from tables of
events, customers and marketing spend (CSV, JSON Lines or JSON): CAC, CLV
(historical, formula and predictive), churn, retention, cohorts, survival,
lifecycle stages, RFM, NPS, CSAT, CES and email engagement. It prints them as
text, JSON, CSV, Markdown or HTML reports with exact money and reproducible
output.")
find_program(CLM_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(CLM_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_CLI_PACKAGE_SHLIBDEPS ON)
else()
  message(STATUS "clm: dpkg-shlibdeps not found (dpkg-dev), the clm package lists "
                 "its Debian 12 dependencies by hand")
  set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS
      "libc6, libgcc-s1, libstdc++6, libfmt9, libdate-tz3, libsimdjson14, libnlopt0")
endif()

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libclm-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# fmt breaks its ABI with each major version, simdjson with each minor one.
set(_clm_fmt "libfmt-dev")
if(fmt_VERSION_MAJOR MATCHES "^[0-9]+$")
  math(EXPR _clm_next "${fmt_VERSION_MAJOR} + 1")
  set(_clm_fmt "libfmt-dev (>= ${fmt_VERSION_MAJOR}), libfmt-dev (<< ${_clm_next})")
endif()
set(_clm_simdjson "libsimdjson-dev")
if(simdjson_VERSION_MAJOR MATCHES "^[0-9]+$" AND simdjson_VERSION_MINOR MATCHES "^[0-9]+$")
  math(EXPR _clm_next "${simdjson_VERSION_MINOR} + 1")
  set(_clm_simdjson "libsimdjson-dev (>= ${simdjson_VERSION_MAJOR}.${simdjson_VERSION_MINOR}), \
libsimdjson-dev (<< ${simdjson_VERSION_MAJOR}.${_clm_next})")
endif()
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "${_clm_fmt}, libhowardhinnant-date-dev, ${_clm_simdjson}, libnlopt-dev, libboost-dev,\
 nlohmann-json3-dev")
set(CPACK_DEBIAN_DEV_PACKAGE_SUGGESTS clm)
set(CPACK_DEBIAN_DEV_DESCRIPTION
"customer-lifecycle metrics from event data: C++20 library
clm computes customer-lifecycle and customer-success metrics (CAC, CLV, churn,
retention, cohorts, survival, stages, RFM, NPS, CSAT, CES, email) over an
in-memory columnar event store. This package holds the static library, its
headers, the CMake package (find_package(clm), target clm::clm) and the
pkg-config file clm.pc.")

include(CPack)
