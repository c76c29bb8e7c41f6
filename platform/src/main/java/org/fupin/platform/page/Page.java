package org.fupin.platform.page;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a list: the items and, unless this is the last page, the cursor of the next. */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
