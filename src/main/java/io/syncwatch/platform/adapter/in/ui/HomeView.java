package io.syncwatch.platform.adapter.in.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;

import io.syncwatch.platform.shell.EmptyState;
import jakarta.annotation.security.PermitAll;

/** The start page sends users to the first page their permissions open. */
@Route("")
@PageTitle("Syncwatch")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

    public HomeView() {
        add(new EmptyState(VaadinIcon.INFO_CIRCLE, "Nothing to show yet",
                "Your user has no permissions for any page. Ask an account admin to grant you one."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MenuConfiguration.getMenuEntries().stream().findFirst()
                .ifPresent(entry -> event.forwardTo(entry.path()));
    }
}
