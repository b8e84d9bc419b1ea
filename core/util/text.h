#pragma once

#include <string>

namespace dna {

/// A piece of user input as a message may quote it: at most 40 characters (input can be megabytes).
inline std::string clipped(const std::string& s) { return s.size() > 40 ? s.substr(0, 37) + "..." : s; }

} // namespace dna
