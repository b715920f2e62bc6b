# An INTERFACE target carrying the project's warning flags; linked privately by
# our own targets only, never by third-party code.
add_library(orgaudit_warnings INTERFACE)
target_compile_options(orgaudit_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion
  -Wformat=2 -Wimplicit-fallthrough)
if(ORGAUDIT_WERROR)
  target_compile_options(orgaudit_warnings INTERFACE -Werror)
endif()
