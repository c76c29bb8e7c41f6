package org.fupin.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

import org.fupin.kernel.Violation;

/** Bean Validation's violations as the kernel's, with the same stable codes a request body's would get. */
public final class BeanViolations {

    private BeanViolations() {
    }

    public static <T> List<Violation> of(Set<ConstraintViolation<T>> violations) {
        return violations.stream()
                .map(violation -> new Violation(violation.getPropertyPath().toString(), ViolationCodes.codeOf(violation),
                        violation.getMessage(), ViolationCodes.paramsOf(violation)))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
    }
}
