package org.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.DynamicTest;

import io.restassured.response.Response;

/** One request refused with one error code through the gateway, and what a client sees that must stay as it was. */
final class ErrorScenario {

    /** What a client can see of the records the request is about, read before and after it. */
    interface View extends Supplier<String> {
    }

    private final String code;
    private final String description;
    private int status;
    private String problemCode;
    private final List<String[]> fieldErrors = new ArrayList<>();
    private final List<View> views = new ArrayList<>();
    private Runnable given = () -> { };
    private Supplier<Response> request;
    private Duration settling = Duration.ZERO;
    private Runnable afterwards = () -> { };

    private ErrorScenario(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** A scenario named after {@code code}, the error code it proves; {@code description} says how it is provoked. */
    static ErrorScenario of(String code, String description) {
        return new ErrorScenario(code, description);
    }

    /** The answer expected: HTTP status and the problem's {@code code}. */
    ErrorScenario answers(int status, String problemCode) {
        this.status = status;
        this.problemCode = problemCode;
        return this;
    }

    /** An entry of the problem's {@code errors} expected among others. */
    ErrorScenario field(String field, String fieldCode) {
        fieldErrors.add(new String[] { field, fieldCode });
        return this;
    }

    /** What must look the same after the refused request. */
    ErrorScenario unchanged(View... what) {
        views.addAll(List.of(what));
        return this;
    }

    /** A step that has to succeed before the refused request, such as the first use of an Idempotency-Key. */
    ErrorScenario given(Runnable step) {
        this.given = step;
        return this;
    }

    ErrorScenario when(Supplier<Response> request) {
        this.request = request;
        return this;
    }

    /** How long what the request may have set off in the background gets before the views are read again. */
    ErrorScenario settling(Duration time) {
        this.settling = time;
        return this;
    }

    /** A check of its own after the views, for what no view can show without changing it. */
    ErrorScenario afterwards(Runnable check) {
        this.afterwards = check;
        return this;
    }

    /** What a client sees of one answer: a problem by its code (its requestId differs every time), anything else whole. */
    static String seen(Response response) {
        String etag = response.header("ETag");
        if (response.contentType().startsWith("application/problem+json")) {
            return response.statusCode() + " " + response.jsonPath().getString("code");
        }
        return response.statusCode() + " " + (etag == null ? "" : etag + " ") + response.asString();
    }

    String code() {
        return code;
    }

    DynamicTest test() {
        return DynamicTest.dynamicTest(name(), this::run);
    }

    private String name() {
        return code + ": " + description;
    }

    private void run() {
        given.run();
        List<String> before = views.stream().map(View::get).toList();
        Response response = request.get();
        String body = response.asString();
        assertThat(response.statusCode()).as("%s: status of %s", name(), body).isEqualTo(status);
        assertThat(response.contentType()).as("%s: Content-Type of %s", name(), body).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("code")).as("%s: code of %s", name(), body).isEqualTo(problemCode);
        assertThat(response.jsonPath().getInt("status")).as("%s: status in %s", name(), body).isEqualTo(status);
        List<Map<String, Object>> errors = response.jsonPath().getList("errors");
        List<String> actual = errors == null ? List.of()
                : errors.stream().map(error -> error.get("field") + " " + error.get("code")).toList();
        for (String[] expected : fieldErrors) {
            assertThat(actual).as("%s: errors of %s", name(), body).contains(expected[0] + " " + expected[1]);
        }
        sleep(settling);
        List<String> after = views.stream().map(View::get).toList();
        assertThat(after).as("%s: what a client sees after the refused request", name()).isEqualTo(before);
        afterwards.run();
    }

    private static void sleep(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
