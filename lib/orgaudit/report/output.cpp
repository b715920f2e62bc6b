#include <orgaudit/report/output.hpp>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include <orgaudit/core/error.hpp>

namespace orgaudit::report {

namespace {

constexpr std::size_t buffer_size = 64 * 1024;

} // namespace

StreamOutput::StreamOutput(std::FILE* stream, std::string name)
    : m_stream(stream), m_name(std::move(name))
{
  m_buffer.reserve(buffer_size);
}

StreamOutput::~StreamOutput()
{
  // Flushing here may fail; finish() is where failures are reported.
  if (!m_buffer.empty()) {
    std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_stream);
  }
}

void StreamOutput::write(std::string_view data)
{
  if (m_buffer.size() + data.size() > buffer_size) {
    flush_buffer();
  }
  if (data.size() >= buffer_size) {
    if (std::fwrite(data.data(), 1, data.size(), m_stream) != data.size()) {
      throw IoError(fmt::format("{}: write error: {}", m_name, std::strerror(errno)));
    }
    return;
  }
  m_buffer.append(data);
}

void StreamOutput::flush_buffer()
{
  if (!m_buffer.empty() &&
      std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_stream) != m_buffer.size()) {
    throw IoError(fmt::format("{}: write error: {}", m_name, std::strerror(errno)));
  }
  m_buffer.clear();
}

void StreamOutput::finish()
{
  flush_buffer();
  if (std::fflush(m_stream) != 0) {
    throw IoError(fmt::format("{}: write error: {}", m_name, std::strerror(errno)));
  }
}

FileOutput::FileOutput(std::filesystem::path target) : m_file(std::move(target)) {}

void FileOutput::write(std::string_view data)
{
  m_file.write(data);
}

} // namespace orgaudit::report
