package io.syncwatch.platform.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** An honest "nothing here yet" block with an optional call to action. */
public class EmptyState extends VerticalLayout {

    public EmptyState(VaadinIcon icon, String title, String explanation, Component... actions) {
        addClassName("sw-empty-state");
        setAlignItems(Alignment.CENTER);
        var i = icon.create();
        i.addClassName("sw-empty-icon");
        add(i, new H2(title), new Paragraph(explanation));
        add(actions);
    }
}
