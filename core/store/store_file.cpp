#include "store/store_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <list>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace dna::store {

namespace {

// The writer's lock: an open-file-description lock on one byte of the database file itself, far past the bytes
// SQLite locks (at 1 GiB). It follows the file, not the name (a symlink or a hard link finds the same lock), the
// kernel drops it when the writer dies, and a reader can test it without taking it (F_OFD_GETLK).
constexpr off_t kWriterLockByte = off_t(1) << 40;

struct flock writerLockRange(short type)
{
    struct flock l { };
    l.l_type = type;
    l.l_whence = SEEK_SET;
    l.l_start = kWriterLockByte;
    l.l_len = 1;
    return l;
}

bool takeWriterLock(int fd)
{
    struct flock l = writerLockRange(F_WRLCK);
    return ::fcntl(fd, F_OFD_SETLK, &l) == 0;
}

bool writerLockHeld(int fd)
{
    struct flock l = writerLockRange(F_WRLCK);
    return ::fcntl(fd, F_OFD_GETLK, &l) == 0 && l.l_type != F_UNLCK;
}

// The descriptors this process keeps on store files, one record per file (device and inode). Closing any
// descriptor of a file drops every POSIX lock the process holds on it, SQLite's own included, so a file's
// descriptors are closed only when the last store of this process on that file has closed; the writer's lock is
// released explicitly. The read and write descriptors are separate open file descriptions, so a reader's test
// sees this process's own writer lock too.
struct StoreFile {
    StoreFileId id;
    int readFd = -1;
    int writeFd = -1;
    int users = 0;
    bool writer = false;
};

std::mutex& storeFilesMutex()
{
    static std::mutex m;
    return m;
}

std::list<StoreFile>& storeFiles()
{
    static std::list<StoreFile> files;
    return files;
}

std::list<StoreFile>::iterator findStoreFile(StoreFileId id)
{
    auto& files = storeFiles();
    return std::find_if(
        files.begin(), files.end(), [&](const StoreFile& f) { return f.id.dev == id.dev && f.id.ino == id.ino; });
}

void dropIfUnused(std::list<StoreFile>::iterator it)
{
    if (it->users == 0 && !it->writer) {
        for (int fd : { it->readFd, it->writeFd }) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
        storeFiles().erase(it);
    }
}

} // namespace

/// This process's use of the store file at `path` (created when `write` and missing); for a writer also the
/// writer's lock. Errors: "cannot_open", "store_locked".
std::optional<Error> acquireStoreFile(const std::string& path, bool write, StoreFileId& id)
{
    const std::lock_guard lock(storeFilesMutex());
    struct stat st { };
    int created = -1;
    if (::stat(path.c_str(), &st) != 0) {
        created = write ? ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644) : -1;
        if (created < 0 || ::fstat(created, &st) != 0) {
            const int err = errno;
            if (created >= 0) {
                ::close(created);
            }
            return Error { ErrorCode::CannotOpen, "cannot open store '" + path + "': " + std::strerror(err) };
        }
    }
    id = { uint64_t(st.st_dev), uint64_t(st.st_ino) };
    auto it = findStoreFile(id);
    if (it == storeFiles().end()) {
        storeFiles().push_back({ id });
        it = std::prev(storeFiles().end());
    }
    int& fd = write ? it->writeFd : it->readFd;
    if (fd < 0) {
        fd = created >= 0 ? created : ::open(path.c_str(), (write ? O_RDWR : O_RDONLY) | O_CLOEXEC);
        created = -1;
        if (fd < 0) {
            const int err = errno;
            dropIfUnused(it);
            return Error { ErrorCode::CannotOpen, "cannot open store '" + path + "': " + std::strerror(err) };
        }
    }
    if (write && (it->writer || !takeWriterLock(fd))) {
        dropIfUnused(it);
        return Error { ErrorCode::StoreLocked,
            "another process is writing the store '" + path
                + "' (a search is running there); open it read-only or wait for that search to finish" };
    }
    it->writer = it->writer || write;
    ++it->users;
    return std::nullopt;
}

void releaseStoreFile(StoreFileId id, bool writer)
{
    const std::lock_guard lock(storeFilesMutex());
    auto it = findStoreFile(id);
    if (it == storeFiles().end()) {
        return;
    }
    if (writer && it->writer) {
        struct flock l = writerLockRange(F_UNLCK);
        ::fcntl(it->writeFd, F_OFD_SETLK, &l);
        it->writer = false;
    }
    --it->users;
    dropIfUnused(it);
}

bool storeWriterAlive(StoreFileId id)
{
    const std::lock_guard lock(storeFilesMutex());
    auto it = findStoreFile(id);
    if (it == storeFiles().end()) {
        return false;
    }
    const int fd = it->readFd >= 0 ? it->readFd : it->writeFd;
    return it->writer || (fd >= 0 && writerLockHeld(fd));
}

} // namespace dna::store
