#pragma once

#include "util/expected.h"

#include <QCoreApplication>
#include <QString>

namespace dna::session {

/// The explorer's words for core's error codes: a translated sentence per code (core's detail, which names the
/// field and the allowed values, stays as core wrote it). A new code fails to compile here until it has one.
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(dna::session::ErrorText)

public:
    /// What went wrong, in one short translated sentence without a final full stop.
    static QString lead(ErrorCode code);
    /// "lead: detail", or the lead alone when there is no detail.
    static QString message(const Error& error);
};

} // namespace dna::session
