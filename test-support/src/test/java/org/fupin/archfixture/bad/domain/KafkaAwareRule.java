package org.fupin.archfixture.bad.domain;

import org.apache.kafka.common.TopicPartition;

/** Breaks the rule: a domain class that knows the transport. */
public class KafkaAwareRule {
    public boolean applies(TopicPartition partition) {
        return partition.partition() == 0;
    }
}
