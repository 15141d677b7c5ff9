package io.syncwatch.agentrequests.adapter.in.ui;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

import io.syncwatch.agentrequests.application.AgentRequestsProperties;

/**
 * Asks each open API Status tab, every {@code syncwatch.agentrequests.live-poll} (5 s), whether
 * requests arrived since it was shown, and pushes the answer to the browser (server push): the
 * tab then offers "N new requests — Show" instead of moving rows under the reader's cursor. The
 * question is a query on the request log, so requests logged by any instance count.
 */
@Component
class NewRequestsWatch {

    private final Duration every;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "api-status-new-requests");
        t.setDaemon(true);
        return t;
    });

    NewRequestsWatch(AgentRequestsProperties properties) {
        this.every = properties.livePoll();
    }

    /** Runs {@code check} in the UI (under its session lock) every poll interval until removed. */
    Registration watch(UI ui, Runnable check) {
        ScheduledFuture<?> future = poller.scheduleWithFixedDelay(() -> {
            if (ui.isAttached()) {
                ui.access(check::run);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
