package org.fupin.archfixture.kernel;

import org.apache.kafka.common.KafkaException;

/** Breaks the rule: a kernel type that knows a library. */
public class Verdict {
    public RuntimeException asException() {
        return new KafkaException("refused");
    }
}
