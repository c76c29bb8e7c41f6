package org.fupin.household.accesslog.service;

import java.util.List;

/**
 * Who reads, as the access log records it: taken from the request when it starts, so that an export that
 * streams after the request scope has ended is logged with the same caller and request id.
 */
public record Reader(String subject, List<String> roles, String purpose, String policy, String requestId, String region) {
}
