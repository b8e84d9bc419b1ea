#include "candidate_selection.h"

namespace dna::widgets {

CandidateSelection::CandidateSelection(QObject* parent)
    : QObject(parent)
{
}

void CandidateSelection::select(const QList<qint64>& ids)
{
    QList<qint64> unique;
    unique.reserve(ids.size());
    for (qint64 id : ids) {
        if (!unique.contains(id)) {
            unique.append(id);
        }
    }
    if (unique == m_ids) {
        return;
    }
    m_ids = std::move(unique);
    emit changed(m_ids);
}

void CandidateSelection::toggle(qint64 id)
{
    QList<qint64> next = m_ids;
    if (!next.removeOne(id)) {
        next.append(id);
    }
    select(next);
}

} // namespace dna::widgets
