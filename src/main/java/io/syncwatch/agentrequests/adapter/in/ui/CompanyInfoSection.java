package io.syncwatch.agentrequests.adapter.in.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * One section of Company Info (its id is its anchor: {@code ?section=channels}): title, what it is
 * for, and a note that an API Status fix link fills in; a fix link highlights the section and
 * scrolls to it.
 */
class CompanyInfoSection extends VerticalLayout {

    static final String HIGHLIGHT = "sw-agentrequests-highlight";

    private final Paragraph note = new Paragraph();

    CompanyInfoSection(String anchor, String title, String help) {
        setId(anchor);
        setPadding(false);
        note.setId(anchor + "-target");
        note.addClassName("sw-agentrequests-target");
        note.setVisible(false);
        add(new H2(title), new Paragraph(help), note);
    }

    /** Back to no highlight and no note (before a fix link is followed). */
    void reset() {
        removeClassName(HIGHLIGHT);
        note.setVisible(false);
    }

    /** Says which item a fix link named, and what became of it. */
    void note(String text) {
        note.setText(text);
        note.setVisible(true);
    }

    /** The section a fix link points at: highlighted and scrolled to. */
    void highlight() {
        addClassName(HIGHLIGHT);
        getElement().executeJs("this.scrollIntoView({block: 'start'})");
    }

    /** An add form's fields and button in one row, aligned on their text. */
    static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }
}
