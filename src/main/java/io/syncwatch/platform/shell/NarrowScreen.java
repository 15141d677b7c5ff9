package io.syncwatch.platform.shell;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Tells a view whether the browser window is narrower than {@value #BREAKPOINT} px, when it is
 * attached and after every resize, so that it can switch a wide table to cards (the Platforms tab,
 * API Status). The width is asked afresh on each attach (Vaadin's cached client details would
 * keep the width of the session's first page).
 */
public final class NarrowScreen {

    public static final int BREAKPOINT = 600;

    private NarrowScreen() {
    }

    /** Calls {@code onChange} with {@code true} below the breakpoint, on attach and on each resize that crosses it. */
    public static void follow(Component owner, Consumer<Boolean> onChange) {
        owner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            var state = new boolean[] { false, false }; // known, narrow
            Consumer<Integer> width = w -> {
                boolean narrow = w < BREAKPOINT;
                if (!state[0] || state[1] != narrow) {
                    state[0] = true;
                    state[1] = narrow;
                    owner.getElement().getClassList().set("sw-narrow", narrow);
                    onChange.accept(narrow);
                }
            };
            ui.getPage().executeJs("return window.innerWidth").then(Integer.class, width::accept);
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> width.accept(e.getWidth()));
            owner.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }
}
