package io.syncwatch.platform.shell;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;

import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;

/**
 * Tabs that switch between routes of one page (e.g. Platforms / Imported contacts & filters).
 * A tab is shown only to users holding its permission; routes are referred to by path so that
 * modules need not know each other's view classes.
 */
public class SectionTabs extends Tabs {

    public record Section(String label, String path, Permission permission) {
    }

    private final List<Section> sections = new ArrayList<>();

    public SectionTabs(CurrentUser user, String currentPath, Section... all) {
        addClassName("sw-section-tabs");
        for (Section section : all) {
            if (user.has(section.permission())) {
                var tab = new Tab(section.label());
                tab.setId("tab-" + section.path().replaceAll("[^a-z0-9]+", "-"));
                add(tab);
                sections.add(section);
                if (section.path().equals(currentPath)) {
                    setSelectedTab(tab);
                }
            }
        }
        addSelectedChangeListener(event -> {
            if (event.isFromClient()) {
                UI.getCurrent().navigate(sections.get(getSelectedIndex()).path());
            }
        });
    }
}
