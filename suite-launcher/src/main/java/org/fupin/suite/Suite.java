package org.fupin.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * The whole suite on one machine: PostgreSQL, a Kafka broker and the four services, with the key
 * that signs and verifies tokens. This is what {@code ./suite} drives, and what the end-to-end
 * tests use to run a second suite of their own beside a developer's.
 */
public final class Suite {

    /** The steps of {@link #up()}: keys, PostgreSQL, broker, topics and the services. */
    static final int UP_STEPS = 4 + ServiceSpec.ALL.size();
    /** The steps of {@link #down()}: the services, the broker and PostgreSQL. */
    static final int DOWN_STEPS = ServiceSpec.ALL.size() + 2;

    private final SuiteSettings settings;
    private final Progress progress;
    private final ProcessControl processes;
    private final Keys keys;
    private final Postgres postgres;
    private final KafkaBroker kafka;
    private final Services services;

    public Suite(SuiteSettings settings) {
        this(settings, Progress.console());
    }

    public Suite(SuiteSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
        this.processes = new ProcessControl(settings.runDir(), settings.logsDir());
        this.keys = new Keys(settings.keysDir());
        this.postgres = new Postgres(settings);
        this.kafka = new KafkaBroker(settings, processes);
        this.services = new Services(settings, processes, keys.publicKeyFile());
    }

    public SuiteSettings settings() {
        return settings;
    }

    /** Brings every part up, leaving alone what runs already. */
    public void up() {
        progress.plan(UP_STEPS);
        try {
            ensureKeys();
            ensurePostgres(false);
            startKafka();
            startServices();
        } finally {
            progress.plan(0);
        }
    }

    /** Stops every part this suite started, PostgreSQL only if it was this suite that started it. */
    public void down() {
        progress.plan(DOWN_STEPS);
        try {
            List<ServiceSpec> reverse = new ArrayList<>(ServiceSpec.ALL);
            Collections.reverse(reverse);
            reverse.forEach(service -> stopService(service.name()));
            stopKafka();
            Progress.Step step = progress.step("PostgreSQL");
            step.done(postgres.stopIfStarted());
        } finally {
            progress.plan(0);
        }
    }

    /** Makes the token signing key pair unless it exists. */
    public void ensureKeys() {
        Progress.Step step = progress.step("Signing keys");
        step.done(keys.ensure() ? "created in " + settings.keysDir() : "present in " + settings.keysDir());
    }

    /** A PostgreSQL server that answers, with each service's role and database (and the test databases when asked). */
    public void ensurePostgres(boolean testDatabases) {
        Progress.Step step = progress.step("PostgreSQL");
        String server = postgres.ensureServer(step);
        step.done(server + "; " + postgres.ensureDatabases(testDatabases));
    }

    /** Starts the broker unless it runs, then creates the missing topics. */
    public void startKafka() {
        Progress.Step broker = progress.step("Kafka broker");
        broker.done(kafka.start());
        Progress.Step topics = progress.step("Kafka topics");
        topics.done(kafka.ensureTopics());
    }

    public void stopKafka() {
        Progress.Step step = progress.step("Kafka broker");
        OptionalLong pid = kafka.pid();
        step.done(kafka.stop() ? "stopped (pid " + pid.orElse(-1) + ")" : "not running");
    }

    /** Starts one service unless it runs, and waits until it is ready. */
    public void startService(String name) {
        ServiceSpec service = ServiceSpec.named(name);
        keys.ensure();
        Services.Launch launch = services.launch(service);
        Progress.Step step = progress.step(service.module());
        step.done(services.awaitReady(launch));
    }

    /**
     * Starts the three domain services side by side (their start-up is mostly waiting for the
     * database and the broker), then the gateway in front of them.
     */
    public void startServices() {
        keys.ensure();
        List<Services.Launch> launches = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            if (!service.equals(ServiceSpec.GATEWAY)) {
                launches.add(services.launch(service));
            }
        }
        for (Services.Launch launch : launches) {
            Progress.Step step = progress.step(launch.service().module());
            step.done(services.awaitReady(launch));
        }
        startService(ServiceSpec.GATEWAY.name());
    }

    public void stopService(String name) {
        ServiceSpec service = ServiceSpec.named(name);
        Progress.Step step = progress.step(service.module());
        OptionalLong pid = services.pid(service);
        step.done(services.stop(service) ? "stopped (pid " + pid.orElse(-1) + ")" : "not running");
    }

    /** A signed token for the role, scoped to the region when one is given; makes the keys if need be. */
    public String token(String role, String region) {
        return token(role, region, null);
    }

    /** A token that declares a purpose (integrators: one the county's privacy policy grants). */
    public String token(String role, String region, String purpose) {
        Tokens.requireKnown(role);
        keys.ensure();
        return new Tokens(keys).mint(role, region, purpose);
    }

    /** One line per part: PostgreSQL, the broker, the services. */
    public List<PartStatus> status() {
        List<PartStatus> parts = new ArrayList<>();
        boolean pgAnswers = postgres.answers();
        parts.add(new PartStatus("postgres", pgAnswers, OptionalLong.empty(), settings.database().port(), pgAnswers,
                settings.database().host() + (postgres.startedBySuite() ? ", started by this suite" : "")));
        OptionalLong kafkaPid = kafka.pid();
        parts.add(new PartStatus(KafkaBroker.NAME, kafkaPid.isPresent(), kafkaPid, settings.ports().kafka(),
                kafkaPid.isPresent() && kafka.ready(), "controller " + settings.ports().kafkaController()));
        for (ServiceSpec service : ServiceSpec.ALL) {
            OptionalLong pid = services.pid(service);
            parts.add(new PartStatus(service.name(), pid.isPresent(), pid, settings.ports().of(service.name()),
                    pid.isPresent() && services.ready(service), ""));
        }
        return parts;
    }

    /** The log of a service or of the broker, by the name {@code ./suite logs} takes. */
    public Path logFile(String part) {
        return part.equals(KafkaBroker.NAME) ? kafka.log() : services.log(ServiceSpec.named(part));
    }

    public String gatewayUrl() {
        return "http://localhost:" + settings.ports().gateway();
    }

    /** The key that signs this suite's tokens, for tests that craft tokens of their own (expired, wrong issuer...). */
    public java.security.PrivateKey signingKey() {
        keys.ensure();
        return keys.privateKey();
    }

    /** The public key every service verifies tokens with. */
    public Path publicKeyFile() {
        return keys.publicKeyFile();
    }

    public KafkaBroker kafka() {
        return kafka;
    }
}
