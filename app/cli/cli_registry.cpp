// The subcommand registry (cli_command.h); its own file so that the fuzz targets link it without main().
#include "cli_command.h"

namespace dna::cli {

std::vector<Command>& commands()
{
    static std::vector<Command> registry;
    return registry;
}

Registrar::Registrar(Command command) { commands().push_back(std::move(command)); }

} // namespace dna::cli
