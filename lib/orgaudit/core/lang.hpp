#pragma once

#include <cstdint>

namespace orgaudit {

// The language of what people read (--lang): report labels and the messages
// about their data.
enum class Lang : std::uint8_t { zh, en };

} // namespace orgaudit
