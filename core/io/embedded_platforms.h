#pragma once

namespace dna::io {

/// One file of resources/platforms/, embedded by cmake/DnaPlatforms.cmake (which writes the table).
struct EmbeddedPlatformFile {
    const char* name;
    const char* text;
};
/// In file-name order; the count excludes the closing null entry.
extern const EmbeddedPlatformFile kEmbeddedPlatformFiles[];
extern const int kEmbeddedPlatformFileCount;

} // namespace dna::io
