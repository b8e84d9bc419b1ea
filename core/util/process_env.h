#pragma once

namespace dna {

/// LibTorch's OpenMP threads spin at every barrier unless OMP_WAIT_POLICY says otherwise, so beside any other
/// busy process a training slows down several times over; and libgomp reads the variable once, when it is
/// loaded, before main() runs. Call this first thing in main(): when OMP_WAIT_POLICY is unset it sets PASSIVE
/// and executes the same program again with the same arguments (same process id), so that every run behaves
/// well on a shared machine without the user knowing about it. A value the user set is kept as it is, and
/// DNA_KEEP_OMP_ENV=1 skips the re-execution. Returns normally when nothing needs doing or the re-execution
/// fails (the program then runs as it would have).
void ensurePassiveOpenMpWaits(char** argv);

} // namespace dna
