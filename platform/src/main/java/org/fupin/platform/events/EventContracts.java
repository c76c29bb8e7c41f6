package org.fupin.platform.events;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.fupin.events.EventCodec;
import org.fupin.events.EventSchemas;

/** One codec and one set of loaded schemas per service, shared by the outbox and the consumers. */
public class EventContracts {

    @Produces
    @Singleton
    EventCodec codec() {
        return new EventCodec();
    }

    @Produces
    @Singleton
    EventSchemas schemas(EventCodec codec) {
        return new EventSchemas(codec);
    }
}
