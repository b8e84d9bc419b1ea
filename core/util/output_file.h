#pragma once

#include "util/expected.h"

#include <optional>
#include <string>

namespace dna {

/// Writes `text` to `path` so that nothing is lost on failure:
/// - a regular file (or a new one) is replaced atomically: a temporary file beside it, written, synced and closed
///   with every error checked, then renamed over it; on failure the old file is untouched and no temporary is
///   left behind;
/// - a symbolic link is written through (its target is replaced, the link stays);
/// - a device, pipe or socket (`/dev/stdout`, `/dev/full`) is written directly, every error checked;
/// - a folder is refused ("bad_path").
/// Errors: "bad_path" (empty, a folder), "write_failed" (naming the path and the system's reason).
[[nodiscard]] std::optional<Error> writeOutputFile(const std::string& path, const std::string& text);

} // namespace dna
