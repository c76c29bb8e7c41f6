package org.fupin.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to the backend that may not grow past a limit: bodies without a
 * declared length (chunked uploads) are counted as they stream, and one that exceeds the limit
 * fails the forwarding with {@link TooLarge}, which answers 413.
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** The body passed the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("Request body larger than " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> body;
    private final long limit;
    private long received;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(ReadStream<Buffer> body, long limit) {
        this.body = body;
        this.limit = limit;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            return this;
        }
        body.handler(chunk -> {
            received += chunk.length();
            if (received > limit) {
                body.handler(null);
                body.pause();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(limit));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        body.endHandler(endHandler);
        return this;
    }
}
