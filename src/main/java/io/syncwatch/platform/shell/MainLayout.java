package io.syncwatch.platform.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.syncwatch.platform.CurrentUser;
import jakarta.annotation.security.PermitAll;

/**
 * The console's frame. The side navigation is built from the {@code @Menu} entries the signed-in
 * user may open (Vaadin filters them by each view's access annotation); a menu title such as
 * {@code "Agent Connect › Integrations › API Status Page"} nests the entry under its sections.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public static final String SEPARATOR = " › ";

    public MainLayout(AuthenticationContext authentication, CurrentUser currentUser) {
        setPrimarySection(Section.DRAWER);
        addClassName("sw-layout");

        var brand = new Div(VaadinIcon.HEART_O.create(), new Span("Syncwatch"));
        brand.addClassName("sw-brand");
        var nav = navigation(MenuConfiguration.getMenuEntries());
        nav.addClassName("sw-nav");
        nav.getElement().setAttribute("aria-label", "Main navigation");
        addToDrawer(brand, nav);

        var toggle = new DrawerToggle();
        toggle.setAriaLabel("Toggle navigation");
        var user = new Span(currentUser.isAuthenticated() ? currentUser.actorName() : "");
        user.addClassName("sw-user");
        var logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        var spacer = new Div();
        var header = new HorizontalLayout(toggle, spacer, user, logout);
        header.setFlexGrow(1, spacer);
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.addClassName("sw-header");
        addToNavbar(header);
    }

    static SideNav navigation(List<MenuEntry> entries) {
        var nav = new SideNav();
        Map<String, SideNavItem> sections = new LinkedHashMap<>();
        Map<String, SideNavItem> leaves = new LinkedHashMap<>();
        for (MenuEntry entry : entries) {
            // Tabs of one page share a title: the first the user may open becomes the item,
            // the others highlight it.
            SideNavItem existing = leaves.get(entry.title());
            if (existing != null) {
                var aliases = new java.util.HashSet<>(existing.getPathAliases());
                aliases.add(entry.path());
                existing.setPathAliases(aliases);
                continue;
            }
            String[] parts = entry.title().split(SEPARATOR);
            SideNavItem parent = null;
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                key.append('/').append(parts[i]);
                SideNavItem section = sections.get(key.toString());
                if (section == null) {
                    section = new SideNavItem(parts[i]);
                    section.setExpanded(true);
                    sections.put(key.toString(), section);
                    if (parent == null) {
                        nav.addItem(section);
                    } else {
                        parent.addItem(section);
                    }
                }
                parent = section;
            }
            var item = new SideNavItem(parts[parts.length - 1], entry.path());
            item.setMatchNested(true);
            leaves.put(entry.title(), item);
            if (parent == null) {
                nav.addItem(item);
            } else {
                parent.addItem(item);
            }
        }
        return nav;
    }
}
