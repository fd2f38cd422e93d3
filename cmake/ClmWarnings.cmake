# Warning and sanitizer flags shared by every clm target (never exported).
function(clm_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  # GCC 12 at -O2/-O3 reports impossible overlaps inside std::string's operator+
  # (GCC bug 105651, fixed in GCC 13); the warning is noise there, not a finding.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(CLM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(CLM_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
