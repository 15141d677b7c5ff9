package io.syncwatch.agentrequests.domain;

/** One error found in a request: its code, the request field concerned and a message for the caller. */
public record RequestError(RequestErrorCode code, String field, String message) {
}
