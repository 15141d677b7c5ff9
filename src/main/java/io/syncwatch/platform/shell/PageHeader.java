package io.syncwatch.platform.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** A page's title, an optional one-line explanation and actions on the right. */
public class PageHeader extends HorizontalLayout {

    public PageHeader(String title, String description, Component... actions) {
        addClassName("sw-page-header");
        setWidthFull();
        setAlignItems(Alignment.CENTER);
        var text = new Div(new H1(title));
        if (!description.isBlank()) {
            var p = new Paragraph(description);
            p.addClassName("sw-page-description");
            text.add(p);
        }
        add(text);
        setFlexGrow(1, text);
        add(actions);
    }
}
