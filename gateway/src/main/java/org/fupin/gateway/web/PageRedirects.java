package org.fupin.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** The printed URLs end without a slash; the static pages live in folders. */
@ApplicationScoped
public class PageRedirects {

    void register(@Observes Router router) {
        for (String page : new String[] { "/docs", "/dashboard" }) {
            // Vert.x matches "/docs" and "/docs/" alike; only the bare form is redirected.
            router.route(page).order(-20).handler(rc -> {
                if (rc.request().path().equals(page)) {
                    rc.redirect(page + "/");
                } else {
                    rc.next();
                }
            });
        }
    }
}
