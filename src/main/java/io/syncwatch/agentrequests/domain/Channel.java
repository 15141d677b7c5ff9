package io.syncwatch.agentrequests.domain;

/** A communication channel of the company (email, SMS, chat, …). */
public record Channel(String name, boolean enabled, ChannelMode mode) {

    public Channel {
        name = Names.key(name);
    }

    public boolean matches(String given) {
        return name.equals(Names.key(given));
    }
}
