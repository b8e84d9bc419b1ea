#include "util/output_file.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dna {

namespace {

Error writeFailed(const std::string& path, int err)
{
    return Error { ErrorCode::WriteFailed, "writing '" + path + "' failed: " + std::strerror(err) };
}

/// Writes everything, retrying short writes and interruptions; the errno of the first failure, or 0.
int writeAll(int fd, const std::string& text)
{
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        done += size_t(n);
    }
    return 0;
}

/// The file a chain of symbolic links ends at (which need not exist yet); `path` itself when it is no link.
std::string followLinks(std::string path)
{
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st { };
        if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
            return path;
        }
        std::string target(size_t(st.st_size > 0 ? st.st_size : 4096) + 1, '\0');
        const ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
        if (n < 0) {
            return path;
        }
        target.resize(size_t(n));
        if (!target.empty() && target.front() != '/') {
            const size_t slash = path.rfind('/');
            target = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + target;
        }
        path = target;
    }
    return path;
}

} // namespace

std::optional<Error> writeOutputFile(const std::string& path, const std::string& text)
{
    if (path.empty()) {
        return Error { ErrorCode::BadPath, "the output path is empty" };
    }
    const std::string target = followLinks(path);
    struct stat st { };
    const bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        return Error { ErrorCode::BadPath, "'" + path + "' is a folder; give a file name" };
    }
    if (exists && !S_ISREG(st.st_mode)) {
        // A device or a pipe: there is nothing to replace atomically; write to it and report what it says.
        const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) {
            return writeFailed(path, errno);
        }
        int err = writeAll(fd, text);
        if (::close(fd) != 0 && err == 0) {
            err = errno;
        }
        return err ? std::optional<Error>(writeFailed(path, err)) : std::nullopt;
    }
    // A new temporary beside the target (O_EXCL: never someone else's file). Created 0666 the kernel applies the
    // umask to it, as to any new file; a replaced file keeps the mode it had. (mkstemp creates 0600, and reading
    // the umask means setting it, process-wide, under the other threads' feet.)
    static std::atomic<unsigned> serial { 0 };
    std::string tmp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        tmp = target + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(serial++);
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST) {
            break;
        }
    }
    if (fd < 0) {
        return writeFailed(path, errno);
    }
    int err = exists && ::fchmod(fd, st.st_mode & 07777) != 0 ? errno : 0;
    if (err == 0) {
        err = writeAll(fd, text);
    }
    if (err == 0 && ::fdatasync(fd) != 0) {
        err = errno;
    }
    if (::close(fd) != 0 && err == 0) {
        err = errno;
    }
    if (err == 0 && ::rename(tmp.c_str(), target.c_str()) != 0) {
        err = errno;
    }
    if (err != 0) {
        ::unlink(tmp.c_str());
        return writeFailed(path, err);
    }
    return std::nullopt;
}

} // namespace dna
