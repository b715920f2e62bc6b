#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <orgaudit/core/file.hpp>

namespace orgaudit::report {

// Where a renderer writes: large reports stream through it in pieces instead
// of being built as one string.
class Output {
 public:
  virtual ~Output() = default;
  // Appends `data`; throws IoError when it cannot be written.
  virtual void write(std::string_view data) = 0;
  // Makes everything written so far final (renames a file, flushes a stream).
  virtual void finish() = 0;
};

// Collects the output in memory (tests, small outputs).
class StringOutput : public Output {
 public:
  void write(std::string_view data) override { m_text.append(data); }
  void finish() override {}
  const std::string& text() const { return m_text; }

 private:
  std::string m_text;
};

// Writes to a stdio stream (stdout) through a 64 KiB buffer.
class StreamOutput : public Output {
 public:
  explicit StreamOutput(std::FILE* stream, std::string name = "stdout");
  ~StreamOutput() override;
  StreamOutput(const StreamOutput&) = delete;
  StreamOutput& operator=(const StreamOutput&) = delete;
  void write(std::string_view data) override;
  void finish() override;

 private:
  void flush_buffer();
  std::FILE* m_stream;
  std::string m_name;
  std::string m_buffer;
};

// Writes a file atomically: a temporary name in the target's directory,
// renamed by finish(); destroyed unfinished, the temporary file is removed.
class FileOutput : public Output {
 public:
  explicit FileOutput(std::filesystem::path target);
  void write(std::string_view data) override;
  void finish() override { m_file.commit(); }
  const std::filesystem::path& target() const { return m_file.target_path(); }
  // The file itself, to commit several outputs together (commit_together).
  AtomicFile& file() { return m_file; }

 private:
  AtomicFile m_file; // buffered by stdio already
};

} // namespace orgaudit::report
