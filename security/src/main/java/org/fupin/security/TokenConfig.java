package org.fupin.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the tokens the gateway and every service accept. */
@ConfigMapping(prefix = "fupin.token")
public interface TokenConfig {

    /**
     * How far apart the issuer's clock and ours may be, in seconds: a token counts as expired this
     * long after its {@code exp} at most, and may be issued this far in the future. Also sets
     * {@code mp.jwt.verify.clock.skew}, so that the JWT library uses the same leeway.
     */
    @WithDefault("5")
    int clockSkewSeconds();

    /** The longest lifetime ({@code exp - iat}) of a token this deployment accepts. */
    @WithDefault("12h")
    Duration maxLifetime();
}
