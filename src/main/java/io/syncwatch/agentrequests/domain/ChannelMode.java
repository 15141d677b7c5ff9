package io.syncwatch.agentrequests.domain;

/** How a channel delivers: manually by agents, or integrated through the API. */
public enum ChannelMode {
    MANUAL, INTEGRATED
}
