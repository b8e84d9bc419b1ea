// dna-cli's entry point; everything else is in dna_cli_commands (tests link it and run commands in-process).
#include "cli_command.h"

#include <iostream>

int main(int argc, char** argv)
{
    return dna::cli::runCli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
