# The fuzz targets' bodies (fuzz/targets/*.cpp, without libFuzzer) linked into
# the unit suite, so tests/unit/test_fuzz_regressions.cpp replays every input
# in fuzz/regressions/<target>/ and fuzz/corpus/<target>/ on every test run.
file(GLOB CLM_FUZZ_TARGET_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/targets/*.cpp)
if(CLM_FUZZ_TARGET_SOURCES)
  find_package(nlohmann_json 3 REQUIRED)
  target_sources(clm_tests PRIVATE ${CLM_FUZZ_TARGET_SOURCES})
  target_link_libraries(clm_tests PRIVATE nlohmann_json::nlohmann_json)
  target_compile_definitions(clm_tests PRIVATE CLM_FUZZ_DIR="${PROJECT_SOURCE_DIR}/fuzz")
endif()
