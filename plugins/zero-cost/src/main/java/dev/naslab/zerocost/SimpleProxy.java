package dev.naslab.zerocost;

import dev.naslab.api.ZeroCostProxy;

/** A proxy without settings: its id and description. */
abstract class SimpleProxy implements ZeroCostProxy<ZeroCostProxy.NoSettings> {

    private final String id;
    private final String description;

    SimpleProxy(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<NoSettings> settingsClass() {
        return NoSettings.class;
    }
}
