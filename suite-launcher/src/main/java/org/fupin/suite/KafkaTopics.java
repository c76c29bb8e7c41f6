package org.fupin.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics of the suite, made before any service starts so that none is auto-created with one
 * partition. Existing topics are left as they are: changing the partition count of a topic would
 * move keys to other partitions and break the order per aggregate.
 */
final class KafkaTopics {

    /**
     * A topic the suite needs.
     *
     * @param config topic-level settings; the event topics keep every record, so that a consumer
     *               can always be rebuilt by replaying from offset 0
     */
    record TopicSpec(String name, int partitions, Map<String, String> config) {
    }

    private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1");

    static final List<TopicSpec> ALL = List.of(
            new TopicSpec("household.events", 6, KEEP_FOREVER),
            new TopicSpec("assistance.events", 6, KEEP_FOREVER),
            new TopicSpec("household.events.dlq", 3, Map.of()),
            new TopicSpec("assistance.events.dlq", 3, Map.of()),
            // The departments' signals (防止返貧動態監測): household-service keeps each one it receives, so the topic
            // only has to hold them until then; a week covers an outage.
            new TopicSpec("monitoring.signals", 3, Map.of("retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000))),
            new TopicSpec("monitoring.signals.dlq", 3, Map.of()));

    private static final long TIMEOUT_SECONDS = 30;

    private KafkaTopics() {
    }

    /**
     * Creates the missing topics.
     *
     * @return the outcome for the progress line, with a warning for a topic with fewer partitions than planned
     */
    static String ensure(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = ALL.stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.config()))
                .toList();
        for (var creation : admin.createTopics(missing).values().entrySet()) {
            try {
                creation.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Another launcher, or a service, made it meanwhile: it exists, which is what counts.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        Map<String, TopicDescription> described = admin.describeTopics(ALL.stream().map(TopicSpec::name).toList())
                .allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> warnings = new ArrayList<>();
        for (TopicSpec topic : ALL) {
            int partitions = described.get(topic.name()).partitions().size();
            if (partitions < topic.partitions()) {
                warnings.add(topic.name() + " has " + partitions + " partitions, not " + topic.partitions());
            }
        }
        return ALL.size() + " topics ready" + (missing.isEmpty() ? "" : " (" + missing.size() + " created)")
                + (warnings.isEmpty() ? "" : "; " + String.join("; ", warnings) + " (delete the kafka directory of the suite home to start over)");
    }
}
