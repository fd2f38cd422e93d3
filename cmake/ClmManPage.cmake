# Builds the clm(1) man page from the help text of the built `clm` (with
# Debian's help2man, see scripts/make-manpage.cmake) and installs it gzip'd
# into share/man/man1 with the command (component `cli`).
#
# The page is optional: without help2man, gzip or the CLI, or when the built
# binary cannot be run here (cross or sanitizer builds), configure says so and
# goes on; the target clm_manpage exists only when the page is built.
if(NOT TARGET clm_cli)
  return()
endif()
find_program(CLM_HELP2MAN help2man)
find_program(CLM_GZIP gzip)
if(NOT CLM_HELP2MAN OR NOT CLM_GZIP)
  message(STATUS "clm: help2man or gzip not found, the clm(1) man page is not built "
                 "(apt-get install help2man)")
  return()
endif()
if(CMAKE_CROSSCOMPILING OR CLM_SANITIZE)
  message(STATUS "clm: the clm(1) man page is not built in cross or sanitizer builds")
  return()
endif()

set(_clm_man ${PROJECT_BINARY_DIR}/man/clm.1)
add_custom_command(
  OUTPUT ${_clm_man} ${_clm_man}.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
  COMMAND ${CMAKE_COMMAND} -DCLM=$<TARGET_FILE:clm_cli> -DHELP2MAN=${CLM_HELP2MAN}
          -DGZIP=${CLM_GZIP} -DOUTPUT=${_clm_man} -P ${PROJECT_SOURCE_DIR}/scripts/make-manpage.cmake
  DEPENDS clm_cli ${PROJECT_SOURCE_DIR}/scripts/make-manpage.cmake
  COMMENT "Generating the clm(1) man page"
  VERBATIM)
add_custom_target(clm_manpage ALL DEPENDS ${_clm_man} ${_clm_man}.gz)
install(FILES ${_clm_man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
