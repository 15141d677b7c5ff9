package io.syncwatch.platform.adapter.in.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.AccessDeniedException;

import io.syncwatch.platform.shell.EmptyState;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown, with HTTP 403 and no data, when a page needs a permission or feature the user lacks —
 * inside the main layout, so the navigation to the pages the user may open and Log out stay there.
 */
@PageTitle("Access denied · Syncwatch")
@com.vaadin.flow.router.ParentLayout(io.syncwatch.platform.shell.MainLayout.class)
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        addClassName("sw-access-denied");
        add(new EmptyState(VaadinIcon.LOCK, "You don't have access to this page",
                "It needs a permission or a feature that your account or user does not have. "
                        + "Ask an account admin if you think you should.",
                new Anchor("", "Back to the start page")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
