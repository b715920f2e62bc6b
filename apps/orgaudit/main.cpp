#include <orgaudit/cli.hpp>

int main(int argc, char** argv)
{
  return orgaudit::cli::run(argc, argv);
}
