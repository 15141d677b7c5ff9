package io.syncwatch.imports.adapter.in.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** One block of an integration's imports section: a sentence saying what it is for, then its content. */
abstract class ImportsBlock extends VerticalLayout {

    ImportsBlock(String explanation) {
        setPadding(false);
        addClassName("sw-imports-block");
        var text = new Span(explanation);
        text.addClassName("sw-imports-explanation");
        add(text);
    }
}
