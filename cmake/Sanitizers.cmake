add_library(orgaudit_sanitizers INTERFACE)
if(ORGAUDIT_SANITIZE)
  target_compile_options(orgaudit_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(orgaudit_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
# The fuzz build instruments the library for libFuzzer's coverage without
# linking libFuzzer's main; only the fuzz targets link it (tests/fuzz).
if(ORGAUDIT_FUZZ)
  target_compile_options(orgaudit_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer)
  target_link_options(orgaudit_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
