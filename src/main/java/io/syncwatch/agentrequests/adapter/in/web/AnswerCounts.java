package io.syncwatch.agentrequests.adapter.in.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code syncwatch_agentrequests_answers_total{status, code}} (issue 17.4): every answer of
 * {@code POST /api/agent-connect/v1/requests} by HTTP status and code (ACCEPTED, the first error
 * code of an invalid request, MALFORMED_REQUEST, UNAUTHORIZED, FEATURE_OFF, RATE_LIMITED). The codes
 * are a closed set, so the counters are cached: the hot path does one map look-up, no allocation.
 */
final class AnswerCounts {

    private final MeterRegistry meters;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    AnswerCounts(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(int status, String code) {
        counters.computeIfAbsent(status + " " + code, key -> Counter.builder("syncwatch.agentrequests.answers")
                .description("Answers of the Requests API by HTTP status and code")
                .tags("status", Integer.toString(status), "code", code).register(meters)).increment();
    }
}
