add_library(orgaudit_sanitizers INTERFACE)
if(ORGAUDIT_SANITIZE)
  target_compile_options(orgaudit_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(orgaudit_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
