package org.fupin.household.monitoring.events;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.household.monitoring.domain.SignalChannel;
import org.fupin.household.monitoring.rest.SignalRequest;
import org.fupin.household.monitoring.rest.SignalRequests;
import org.fupin.household.monitoring.service.SignalIntake;
import org.fupin.kernel.Refusal;
import org.fupin.platform.inbox.DeadLetters;
import org.fupin.platform.inbox.PoisonRecordException;
import org.fupin.security.RegionScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * Transport adapter for departments that stream: each record of monitoring.signals is a signal of the published
 * schema, received exactly as through the API (the same validation, the same idempotency by department and
 * signal id). A record that can never be received (not JSON, breaks the schema or a rule, reuses an id) goes to
 * monitoring.signals.dlq with the reason, and the others go on; a database outage is not the record's fault and
 * is thrown, so the batch comes again.
 */
@ApplicationScoped
public class SignalTopicConsumer {

    private final SignalIntake intake;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;
    private final Validator validator;

    public SignalTopicConsumer(SignalIntake intake, DeadLetters deadLetters, ObjectMapper mapper, Validator validator) {
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.validator = validator;
    }

    @Incoming("monitoring-signals")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            try {
                SignalRequest signal = parse(record.value());
                intake.receive(SignalRequests.incoming(signal), SignalChannel.TOPIC, "topic:" + signal.department(),
                        RegionScope.all());
            } catch (PoisonRecordException e) {
                deadLetters.send(record, e);
            } catch (Refusal e) {
                deadLetters.send(record, new PoisonRecordException(e.code() + ": " + e.getMessage()
                        + e.violations().stream().map(v -> " " + v.field() + " " + v.code()).collect(Collectors.joining(";")), e));
            }
        }
    }

    private SignalRequest parse(String value) {
        SignalRequest signal;
        try {
            signal = value == null ? null : mapper.readValue(value, SignalRequest.class);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("Not a signal of monitoring-signal.v1: " + e.getOriginalMessage(), e);
        }
        if (signal == null) {
            throw new PoisonRecordException("An empty record is not a signal.");
        }
        Set<ConstraintViolation<SignalRequest>> violations = validator.validate(signal);
        if (!violations.isEmpty()) {
            throw new PoisonRecordException("The signal breaks monitoring-signal.v1: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return signal;
    }
}
