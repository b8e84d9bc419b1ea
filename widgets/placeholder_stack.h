#pragma once

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace dna::widgets {

/// The empty state of a detail view: a stacked widget filling `owner`, whose first page is a centred, wrapped,
/// selectable message (returned through `placeholder`); the caller adds the content page.
inline QStackedWidget* addPlaceholderStack(QWidget* owner, QLabel*& placeholder)
{
    auto* layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* stack = new QStackedWidget(owner);
    layout->addWidget(stack);
    placeholder = new QLabel(stack);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setMargin(12);
    placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stack->addWidget(placeholder);
    return stack;
}

} // namespace dna::widgets
