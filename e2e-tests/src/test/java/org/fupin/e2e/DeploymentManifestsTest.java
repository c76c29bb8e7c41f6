package org.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * deploy/kubernetes cannot be applied on a machine without a cluster, so what an operator relies on is checked
 * here, file by file: each process runs with the ports, probes, resources and settings it reads; passwords come
 * from Secrets and none is committed; the autoscalers stay within what the topics' partitions can feed; the
 * NetworkPolicies let each part reach what it needs and nothing else; the example overlay runs the databases and
 * the Kafka cluster the base names; the kustomizations list exactly the files beside them.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = ServiceSettings.ROOT;
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final Path BASE = KUBERNETES.resolve("base");
    private static final Path OVERLAY = KUBERNETES.resolve("overlays/example");

    private static final List<String> APPLICATIONS = List.of("gateway", "household-service", "assistance-service", "reporting-service", "webhook-service");
    /** The services behind the gateway: each owns a database and talks to Kafka. */
    private static final List<String> SERVICES = List.of("household-service", "assistance-service", "reporting-service", "webhook-service");
    private static final String KAFKA_CLUSTER = "fupin-kafka";
    private static final String KAFKA_BOOTSTRAP = "fupin-kafka-kafka-bootstrap:9092";
    private static final int POSTGRES_PORT = 5432;
    private static final int KAFKA_PORT = 9092;

    /** Callers a NetworkPolicy admits, besides the five processes by name. */
    private static final String ANYWHERE = "anywhere";
    private static final String PROMETHEUS = "prometheus in the monitoring namespace";

    /** Read by the image's start script (run-java.sh of the UBI OpenJDK runtime), not by the process. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO", "JAVA_OPTS");
    /** Names that hold a credential: a password, a secret, a private key or a token (not a public key's path). */
    private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|PRIVATE|CREDENTIAL).*|.*_(TOKEN|KEY)");
    private static final Pattern CIDR = Pattern.compile("[0-9a-fA-F:.]+/\\d{1,3}");

    /** Every document of every YAML file under deploy/kubernetes, by file; and the files that do not parse. */
    private static final Map<Path, List<Map<String, Object>>> DOCUMENTS = new TreeMap<>();
    private static final Map<Path, String> UNREADABLE = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(KUBERNETES)) {
            files = walk.filter(Files::isRegularFile).filter(DeploymentManifestsTest::isYaml).sorted().toList();
        }
        for (Path file : files) {
            try {
                List<Map<String, Object>> documents = new ArrayList<>();
                for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
                    if (document != null) {
                        documents.add(map(document));
                    }
                }
                DOCUMENTS.put(file, documents);
            } catch (RuntimeException e) {
                UNREADABLE.put(file, e.getMessage());
            }
        }
    }

    @Test
    void everyFileParsesIntoKubernetesObjects() {
        assertThat(UNREADABLE).as("YAML files that do not parse").isEmpty();
        assertThat(DOCUMENTS.keySet()).as("manifests under %s", KUBERNETES).isNotEmpty();
        for (Map.Entry<Path, List<Map<String, Object>>> file : DOCUMENTS.entrySet()) {
            assertThat(file.getValue()).as("documents of %s", file.getKey()).isNotEmpty();
            for (Map<String, Object> document : file.getValue()) {
                assertThat(text(document.get("apiVersion"))).as("apiVersion of a document in %s", file.getKey()).isNotBlank();
                assertThat(text(document.get("kind"))).as("kind of a document in %s", file.getKey()).isNotBlank();
                if (!"Kustomization".equals(document.get("kind"))) {
                    assertThat(name(document)).as("name of a %s in %s", document.get("kind"), file.getKey()).isNotBlank();
                }
            }
        }
    }

    @Test
    void eachProcessListensWhereItsSettingsSayAndItsServiceLeads() {
        for (String application : APPLICATIONS) {
            Map<String, Integer> ports = containerPorts(application);
            assertThat(ports.keySet()).as("container ports of %s", application).containsExactlyInAnyOrder("http", "management");
            Map<String, String> environment = literalEnvironment(deployment(application));
            assertThat(environment.get("QUARKUS_HTTP_PORT")).as("QUARKUS_HTTP_PORT of %s", application).isEqualTo(String.valueOf(ports.get("http")));
            assertThat(environment.get("QUARKUS_MANAGEMENT_PORT")).as("QUARKUS_MANAGEMENT_PORT of %s", application)
                    .isEqualTo(String.valueOf(ports.get("management")));
            // A process on the loopback interface would be unreachable for the Service and the probes.
            assertThat(environment.get("QUARKUS_MANAGEMENT_HOST")).as("QUARKUS_MANAGEMENT_HOST of %s", application).isEqualTo("0.0.0.0");
            if (!application.equals("gateway")) {
                assertThat(environment.get("QUARKUS_HTTP_HOST")).as("QUARKUS_HTTP_HOST of %s", application).isEqualTo("0.0.0.0");
            }

            Map<String, Object> service = one(BASE, "Service", application);
            assertThat(matches(map(at(service, "spec").get("selector")), podLabels(application)))
                    .as("the Service %s selects the pods of its Deployment", application).isTrue();
            Set<Integer> targets = new TreeSet<>();
            for (Object entry : list(at(service, "spec").get("ports"))) {
                targets.add(containerPort(application, map(entry).get("targetPort")));
            }
            assertThat(targets).as("target ports of the Service %s", application).isEqualTo(new TreeSet<>(ports.values()));
        }
    }

    @Test
    void theGatewayAndAssistanceServiceNameServicePortsThatLeadToTheRightProcess() {
        Map<String, String> gateway = literalEnvironment(deployment("gateway"));
        for (String service : SERVICES) {
            String backend = service.substring(0, service.indexOf('-')).toUpperCase(Locale.ROOT);
            assertThat(leadsTo(gateway.get("FUPIN_GATEWAY_" + backend + "_URL"))).as("FUPIN_GATEWAY_%s_URL", backend)
                    .isEqualTo(service + "/http");
            assertThat(leadsTo(gateway.get("FUPIN_GATEWAY_" + backend + "_MANAGEMENT_URL"))).as("FUPIN_GATEWAY_%s_MANAGEMENT_URL", backend)
                    .isEqualTo(service + "/management");
        }
        assertThat(leadsTo(literalEnvironment(deployment("assistance-service")).get("FUPIN_ASSISTANCE_REGISTRY_URL")))
                .as("FUPIN_ASSISTANCE_REGISTRY_URL").isEqualTo("household-service/http");
    }

    @Test
    void probesAskTheManagementPortForHealth() {
        for (String application : APPLICATIONS) {
            Map<String, Object> container = container(application);
            assertProbe(application, map(container.get("readinessProbe")), "/q/health/ready");
            assertProbe(application, map(container.get("livenessProbe")), "/q/health/live");
            Map<String, Object> startup = map(container.get("startupProbe"));
            assertProbe(application, startup, text(map(startup.get("httpGet")).get("path")));
            assertThat(text(map(startup.get("httpGet")).get("path"))).as("startup probe of %s", application)
                    .isIn("/q/health/started", "/q/health/live");
            // Flyway migrates at start: a first start on a large database must not be killed as a hang.
            int period = startup.get("periodSeconds") instanceof Integer seconds ? seconds : 10;
            int failures = startup.get("failureThreshold") instanceof Integer threshold ? threshold : 3;
            assertThat(period * failures).as("seconds %s may take to start", application).isGreaterThanOrEqualTo(120);
        }
    }

    @Test
    void everyContainerHasCpuAndMemoryRequestsAndLimits() {
        for (String application : APPLICATIONS) {
            for (Map<String, Object> container : containers(deployment(application))) {
                Map<String, Object> resources = map(container.get("resources"));
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(text(map(resources.get(bound)).get(resource))).as("%s %s of %s in %s", resource, bound, container.get("name"), application)
                                .isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void runsUnprivilegedOnAReadOnlyFileSystemWithAWritableTmp() {
        for (String application : APPLICATIONS) {
            Map<String, Object> pod = at(deployment(application), "spec", "template", "spec");
            assertThat(map(pod.get("securityContext")).get("runAsNonRoot")).as("runAsNonRoot of %s", application).isEqualTo(Boolean.TRUE);
            Map<String, Object> container = container(application);
            Map<String, Object> security = map(container.get("securityContext"));
            assertThat(security.get("allowPrivilegeEscalation")).as("allowPrivilegeEscalation of %s", application).isEqualTo(Boolean.FALSE);
            assertThat(security.get("readOnlyRootFilesystem")).as("readOnlyRootFilesystem of %s", application).isEqualTo(Boolean.TRUE);
            Map<String, Object> tmp = volumeMountedAt(pod, container, "/tmp");
            assertThat(tmp).as("the volume of %s at /tmp, where the JVM and Vert.x write", application).containsKey("emptyDir");
        }
    }

    @Test
    void credentialsComeFromSecretsAndNoSecretIsCommitted() {
        int fromSecrets = 0;
        for (Map.Entry<Path, List<Map<String, Object>>> file : DOCUMENTS.entrySet()) {
            for (Map<String, Object> document : file.getValue()) {
                if ("Secret".equals(document.get("kind"))) {
                    assertThat(document).as("the Secret %s in %s carries no value", name(document), file.getKey())
                            .doesNotContainKeys("data", "stringData");
                }
                if ("Kustomization".equals(document.get("kind"))) {
                    assertThat(document).as("%s generates no Secret", file.getKey()).doesNotContainKey("secretGenerator");
                }
                for (Map<String, Object> container : containers(document)) {
                    for (Object item : list(container.get("env"))) {
                        Map<String, Object> variable = map(item);
                        String name = text(variable.get("name"));
                        if (name == null || !CREDENTIAL.matcher(name).matches() || name.endsWith("_PUBLIC_KEY")) {
                            continue;
                        }
                        assertThat(variable).as("%s of %s in %s is no literal", name, container.get("name"), file.getKey()).doesNotContainKey("value");
                        Map<String, Object> reference = at(variable, "valueFrom", "secretKeyRef");
                        assertThat(text(reference.get("name"))).as("the Secret %s of %s comes from", name, container.get("name")).isNotBlank();
                        assertThat(text(reference.get("key"))).as("the key of %s's Secret", name).isNotBlank();
                        fromSecrets++;
                    }
                }
            }
        }
        assertThat(fromSecrets).as("credentials read from Secrets (the four database passwords at least)").isGreaterThanOrEqualTo(SERVICES.size());
    }

    @Test
    void theTokenKeyIsMountedFromTheFupinJwtSecret() {
        for (String application : APPLICATIONS) {
            String key = literalEnvironment(deployment(application)).get("FUPIN_JWT_PUBLIC_KEY");
            assertThat(key).as("FUPIN_JWT_PUBLIC_KEY of %s", application).startsWith("/");
            Path file = Path.of(key);
            Map<String, Object> volume = volumeMountedAt(at(deployment(application), "spec", "template", "spec"), container(application),
                    file.getParent().toString());
            Map<String, Object> secret = map(volume.get("secret"));
            assertThat(secret.get("secretName")).as("the volume holding %s's token key", application).isEqualTo("fupin-jwt");
            List<Object> items = list(secret.get("items"));
            if (items.isEmpty()) {
                assertThat(file.getFileName().toString()).as("the file of the key jwt-public.pem").isEqualTo("jwt-public.pem");
            } else {
                assertThat(items).as("the Secret's key jwt-public.pem becomes %s", file.getFileName())
                        .contains(Map.of("key", "jwt-public.pem", "path", file.getFileName().toString()));
            }
        }
    }

    @Test
    void passesOnlySettingsTheProcessesRead() throws IOException {
        for (String application : APPLICATIONS) {
            Set<String> known = ServiceSettings.readBy(application);
            String dockerfile = Files.readString(ROOT.resolve(application).resolve("src/main/docker/Dockerfile.jvm"));
            for (Map<String, Object> deployment : everywhere("Deployment")) {
                if (!application.equals(name(deployment))) {
                    continue;
                }
                for (Map<String, Object> container : containers(deployment)) {
                    for (Object item : list(container.get("env"))) {
                        String variable = text(map(item).get("name"));
                        if (variable != null && LAUNCHER_VARIABLES.contains(variable)) {
                            assertThat(dockerfile).as("%s is read by the start script of %s's image", variable, application).contains("run-java.sh");
                        } else {
                            assertThat(known).as("%s is a setting of %s", variable, application).contains(variable);
                        }
                    }
                }
            }
        }
    }

    @Test
    void databaseCredentialsAreTheOnesCloudNativePgMakesForTheServicesOwnCluster() {
        for (String service : SERVICES) {
            String cluster = cluster(service);
            Map<String, Map<String, Object>> environment = environment(deployment(service));
            assertThat(at(environment.get("QUARKUS_DATASOURCE_USERNAME"), "valueFrom", "secretKeyRef"))
                    .as("where %s's database user comes from", service).isEqualTo(Map.of("name", cluster + "-app", "key", "username"));
            assertThat(at(environment.get("QUARKUS_DATASOURCE_PASSWORD"), "valueFrom", "secretKeyRef"))
                    .as("where %s's database password comes from", service).isEqualTo(Map.of("name", cluster + "-app", "key", "password"));
            assertThat(literalEnvironment(deployment(service)).get("KAFKA_BOOTSTRAP_SERVERS")).as("Kafka of %s", service).isEqualTo(KAFKA_BOOTSTRAP);
        }
    }

    /** The services believe X-Forwarded-* from address ranges: a name would cost a DNS query per request. */
    @Test
    void theServicesBelieveForwardedHeadersFromAddressRangesNotNames() {
        for (String service : SERVICES) {
            Map<String, Object> reference = at(environment(deployment(service)).get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"), "valueFrom", "configMapKeyRef");
            assertThat(reference).as("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES of %s", service).isEqualTo(Map.of("name", "fupin-settings", "key", "trusted-proxies"));
        }
        for (Path directory : List.of(BASE, OVERLAY)) {
            String proxies = generatedSetting(directory, "fupin-settings", "trusted-proxies");
            assertThat(proxies).as("trusted-proxies of %s", directory).isNotBlank();
            for (String range : proxies.split(",")) {
                assertThat(range.trim()).as("a trusted proxy of %s", directory).matches(CIDR);
            }
        }
    }

    @Test
    void imagesAreNamedAfterTheirModuleAndSetInTheKustomization() {
        Set<String> images = new HashSet<>();
        for (Object image : list(kustomization(BASE).get("images"))) {
            images.add(text(map(image).get("name")));
        }
        for (String application : APPLICATIONS) {
            assertThat(container(application).get("image")).as("image of %s", application).isEqualTo("fupin/" + application + ":latest");
            assertThat(images).as("images of the base's kustomization").contains("fupin/" + application);
        }
    }

    @Test
    void eachDeploymentScalesWithinWhatItsTopicsCanFeed() throws IOException {
        Map<String, Integer> partitions = topicPartitions();
        for (String application : APPLICATIONS) {
            Map<String, Object> autoscaler = one(BASE, "HorizontalPodAutoscaler", application);
            assertThat(autoscaler.get("apiVersion")).isEqualTo("autoscaling/v2");
            Map<String, Object> target = at(autoscaler, "spec", "scaleTargetRef");
            assertThat(target).as("what the autoscaler %s scales", application)
                    .isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", application));
            assertThat(list(at(autoscaler, "spec").get("metrics"))).as("metrics of the autoscaler %s", application)
                    .anySatisfy(metric -> assertThat(at(map(metric), "resource").get("name")).isEqualTo("cpu"));
        }
        for (Map<String, Object> autoscaler : everywhere("HorizontalPodAutoscaler")) {
            Map<String, Object> spec = at(autoscaler, "spec");
            String application = at(spec, "scaleTargetRef").isEmpty() ? name(autoscaler) : text(at(spec, "scaleTargetRef").get("name"));
            assertThat(APPLICATIONS).as("the autoscaler %s scales a Deployment of the base", name(autoscaler)).contains(application);
            int minimum = spec.get("minReplicas") instanceof Integer least ? least : 1;
            int maximum = spec.get("maxReplicas") instanceof Integer ceiling ? ceiling : Integer.MAX_VALUE;
            assertThat(minimum).as("minReplicas of %s: one pod may be drained while another serves", application).isBetween(2, maximum);
            Set<String> topics = consumedTopics(application);
            if (!topics.isEmpty()) {
                int most = topics.stream().mapToInt(topic -> partitions.getOrDefault(topic, 0)).max().orElse(0);
                assertThat(maximum).as("maxReplicas of %s, which consumes %s: a pod past the partitions gets none", application, topics)
                        .isLessThanOrEqualTo(most);
            }
        }
    }

    @Test
    void aDisruptionBudgetKeepsEachProcessServing() {
        for (String application : APPLICATIONS) {
            List<Map<String, Object>> budgets = new ArrayList<>();
            for (Map<String, Object> budget : inDirectory(BASE, "PodDisruptionBudget")) {
                if (selects(map(at(budget, "spec").get("selector")), podLabels(application))) {
                    budgets.add(budget);
                }
            }
            assertThat(budgets).as("disruption budgets of %s", application).hasSize(1);
            Map<String, Object> spec = at(budgets.get(0), "spec");
            assertThat(Integer.valueOf(1).equals(spec.get("maxUnavailable")) || Integer.valueOf(1).equals(spec.get("minAvailable")))
                    .as("the budget of %s lets one pod go at a time or keeps one", application).isTrue();
        }
    }

    @Test
    void everythingIsDeniedUnlessAPolicyOpensIt() {
        assertThat(everywhere("NetworkPolicy")).as("a policy that selects every pod and opens nothing, both ways").anySatisfy(policy -> {
            Map<String, Object> spec = at(policy, "spec");
            assertThat(map(spec.get("podSelector"))).isEmpty();
            assertThat(list(spec.get("policyTypes"))).contains("Ingress", "Egress");
            assertThat(list(spec.get("ingress"))).isEmpty();
            assertThat(list(spec.get("egress"))).isEmpty();
        });
        assertThat(everywhere("NetworkPolicy")).as("a policy that lets every pod resolve names").anySatisfy(policy -> {
            Map<String, Object> spec = at(policy, "spec");
            assertThat(map(spec.get("podSelector"))).isEmpty();
            assertThat(list(spec.get("egress"))).anySatisfy(rule -> assertThat(onlyDns(map(rule))).isTrue());
        });
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideAndEachServiceOnlyFromItsCallers() {
        for (String application : APPLICATIONS) {
            for (Map.Entry<String, Integer> port : containerPorts(application).entrySet()) {
                assertThat(admitted(application, port.getKey(), port.getValue()))
                        .as("who reaches the %s port %d of %s", port.getKey(), port.getValue(), application)
                        .isEqualTo(expectedCallers(application, port.getKey()));
            }
        }
    }

    @Test
    void theGatewayReachesTheServicesAndNoDatabaseNorKafka() {
        for (Map<String, Object> policy : policiesSelecting("gateway")) {
            for (Object item : list(at(policy, "spec").get("egress"))) {
                Map<String, Object> rule = map(item);
                String where = "an egress rule of " + name(policy) + " for the gateway";
                List<Object> peers = list(rule.get("to"));
                if (peers.isEmpty() || peers.stream().anyMatch(peer -> map(peer).containsKey("namespaceSelector") || map(peer).containsKey("ipBlock"))) {
                    assertThat(onlyDns(rule)).as("%s reaches beyond the namespace's pods: only DNS may", where).isTrue();
                    continue;
                }
                for (Object peer : peers) {
                    Map<String, Object> selector = map(map(peer).get("podSelector"));
                    assertThat(mentions(selector, "cnpg.io/cluster") || mentions(selector, "strimzi.io/cluster"))
                            .as("%s names database or Kafka pods", where).isFalse();
                    assertThat(SERVICES.stream().filter(service -> selects(selector, podLabels(service))).count())
                            .as("%s names the pods of one service", where).isEqualTo(1L);
                }
            }
        }
        for (String service : SERVICES) {
            for (Map.Entry<String, Integer> port : containerPorts(service).entrySet()) {
                assertThat(egressAllows("gateway", service, port.getKey(), port.getValue()))
                        .as("the gateway reaches the %s port of %s", port.getKey(), service).isTrue();
            }
        }
        assertThat(egressAllows("assistance-service", "household-service", "http", containerPorts("household-service").get("http")))
                .as("assistance-service reaches household-service's API").isTrue();
    }

    @Test
    void eachServiceReachesItsOwnDatabaseAloneAndKafka() {
        for (String service : SERVICES) {
            String cluster = cluster(service);
            boolean database = false;
            boolean kafka = false;
            for (Map<String, Object> policy : policiesSelecting(service)) {
                for (Object item : list(at(policy, "spec").get("egress"))) {
                    Map<String, Object> rule = map(item);
                    String where = "an egress rule of " + name(policy) + " for " + service;
                    List<Object> peers = list(rule.get("to"));
                    if (peers.isEmpty()) {
                        assertThat(onlyDns(rule)).as("%s reaches everything: only DNS may", where).isTrue();
                    }
                    for (Object entry : peers) {
                        Map<String, Object> peer = map(entry);
                        Map<String, Object> selector = map(peer.get("podSelector"));
                        if (peer.containsKey("ipBlock")) {
                            assertThat(covers(rule, "postgresql", POSTGRES_PORT) || covers(rule, "kafka", KAFKA_PORT))
                                    .as("%s opens the database or Kafka port to addresses", where).isFalse();
                        }
                        assertThat(peer.containsKey("podSelector") && !peer.containsKey("namespaceSelector") && selector.isEmpty())
                                .as("%s reaches every pod of the namespace, every database included", where).isFalse();
                        if (mentions(selector, "cnpg.io/cluster")) {
                            assertThat(map(selector.get("matchLabels"))).as("%s names %s's own database", where, service)
                                    .containsEntry("cnpg.io/cluster", cluster);
                            assertThat(list(selector.get("matchExpressions"))).as("%s names one database", where).isEmpty();
                            database |= covers(rule, "postgresql", POSTGRES_PORT);
                        }
                        if (KAFKA_CLUSTER.equals(map(selector.get("matchLabels")).get("strimzi.io/cluster"))) {
                            kafka |= covers(rule, "kafka", KAFKA_PORT);
                        }
                    }
                }
            }
            assertThat(database).as("%s reaches %s on %d", service, cluster, POSTGRES_PORT).isTrue();
            assertThat(kafka).as("%s reaches %s on %d", service, KAFKA_CLUSTER, KAFKA_PORT).isTrue();
        }
    }

    @Test
    void theOverlayRunsEachServicesDatabaseAsItsJdbcUrlNamesIt() throws IOException {
        String init = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sql"));
        assertThat(inDirectory(OVERLAY, "Cluster")).as("CloudNativePG clusters of the overlay").hasSize(SERVICES.size());
        for (String service : SERVICES) {
            String cluster = cluster(service);
            String url = literalEnvironment(deployment(service)).get("QUARKUS_DATASOURCE_JDBC_URL");
            Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*").matcher(String.valueOf(url));
            assertThat(jdbc.matches()).as("the JDBC URL of %s: %s", service, url).isTrue();
            assertThat(jdbc.group(1)).as("%s connects to the read-write Service of %s", service, cluster).isEqualTo(cluster + "-rw");
            assertThat(jdbc.group(2)).isEqualTo(String.valueOf(POSTGRES_PORT));
            String database = jdbc.group(3);
            assertThat(init).as("the same database and owner as docker-compose's").contains("create database " + database + " owner " + database);

            Map<String, Object> resource = one(OVERLAY, "Cluster", cluster);
            assertThat(resource.get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
            Map<String, Object> initdb = at(resource, "spec", "bootstrap", "initdb");
            assertThat(initdb.get("database")).as("the database %s creates", cluster).isEqualTo(database);
            assertThat(initdb.get("owner")).as("the owner of %s", database).isEqualTo(database);
            assertThat(text(at(resource, "spec", "storage").get("size"))).as("the storage of %s", cluster).isNotBlank();
        }
    }

    @Test
    void theOverlayRunsKafkaInKRaftModeWhereTheServicesLookForIt() {
        Map<String, Object> kafka = one(OVERLAY, "Kafka", KAFKA_CLUSTER);
        assertThat(kafka.get("apiVersion")).isEqualTo("kafka.strimzi.io/v1beta2");
        assertThat(at(kafka, "metadata", "annotations")).containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(list(at(kafka, "spec", "kafka").get("listeners"))).as("listeners of %s", KAFKA_CLUSTER)
                .anySatisfy(listener -> assertThat(map(listener)).containsEntry("port", KAFKA_PORT).containsEntry("type", "internal"));
        Set<Object> roles = new HashSet<>();
        for (Map<String, Object> pool : inDirectory(OVERLAY, "KafkaNodePool")) {
            if (KAFKA_CLUSTER.equals(at(pool, "metadata", "labels").get("strimzi.io/cluster"))) {
                roles.addAll(list(at(pool, "spec").get("roles")));
            }
        }
        assertThat(roles).as("roles of %s's node pools", KAFKA_CLUSTER).contains("controller", "broker");
        assertThat(KAFKA_BOOTSTRAP).as("the bootstrap Service Strimzi makes for %s", KAFKA_CLUSTER).startsWith(KAFKA_CLUSTER + "-kafka-bootstrap:");
    }

    @Test
    void theOverlayMakesEveryTopicTheSuiteCreatesWithItsPartitions() throws IOException {
        Map<String, Integer> expected = topicPartitions();
        assertThat(expected).as("topics of KafkaTopics.java").containsKeys("household.events", "assistance.events");
        Map<String, Map<String, Object>> topics = new TreeMap<>();
        for (Map<String, Object> topic : inDirectory(OVERLAY, "KafkaTopic")) {
            assertThat(at(topic, "metadata", "labels").get("strimzi.io/cluster")).as("cluster of the topic %s", name(topic)).isEqualTo(KAFKA_CLUSTER);
            String topicName = at(topic, "spec").containsKey("topicName") ? text(at(topic, "spec").get("topicName")) : name(topic);
            topics.put(topicName, at(topic, "spec"));
        }
        assertThat(topics.keySet()).as("KafkaTopics of the overlay").isEqualTo(expected.keySet());
        for (Map.Entry<String, Integer> topic : expected.entrySet()) {
            assertThat(topics.get(topic.getKey()).get("partitions")).as("partitions of %s", topic.getKey()).isEqualTo(topic.getValue());
        }
        for (String kept : keptForever()) {
            assertThat(String.valueOf(map(topics.get(kept).get("config")).get("retention.ms"))).as("retention of %s", kept).isEqualTo("-1");
        }
    }

    @Test
    void everyKustomizationListsTheFilesBesideItAndOnlyFilesThatExist() throws IOException {
        List<Path> kustomizations = DOCUMENTS.keySet().stream().filter(file -> file.getFileName().toString().equals("kustomization.yaml")).toList();
        assertThat(kustomizations).as("kustomizations").contains(BASE.resolve("kustomization.yaml"), OVERLAY.resolve("kustomization.yaml"));
        for (Path file : DOCUMENTS.keySet()) {
            assertThat(file.getParent().resolve("kustomization.yaml")).as("the kustomization beside %s", file).isRegularFile();
        }
        for (Path kustomization : kustomizations) {
            Path directory = kustomization.getParent();
            Map<String, Object> content = DOCUMENTS.get(kustomization).get(0);
            Set<Path> listed = new HashSet<>();
            for (Object resource : list(content.get("resources"))) {
                Path path = directory.resolve(text(resource)).normalize();
                assertThat(Files.isRegularFile(path) || Files.isRegularFile(path.resolve("kustomization.yaml")))
                        .as("the resource %s of %s exists", resource, kustomization).isTrue();
                listed.add(path);
            }
            for (String field : List.of("components", "patchesStrategicMerge")) {
                for (Object entry : list(content.get(field))) {
                    listed.add(directory.resolve(text(entry)).normalize());
                }
            }
            for (Object patch : list(content.get("patches"))) {
                if (map(patch).get("path") != null) {
                    listed.add(directory.resolve(text(map(patch).get("path"))).normalize());
                }
            }
            for (Object generator : list(content.get("configMapGenerator"))) {
                for (String field : List.of("files", "envs")) {
                    for (Object entry : list(map(generator).get(field))) {
                        String source = text(entry);
                        listed.add(directory.resolve(source.substring(source.indexOf('=') + 1)).normalize());
                    }
                }
            }
            for (Path path : listed) {
                assertThat(Files.exists(path)).as("%s lists %s", kustomization, path).isTrue();
            }
            List<Path> orphans;
            try (Stream<Path> beside = Files.list(directory)) {
                orphans = beside.filter(DeploymentManifestsTest::isYaml).filter(path -> !path.equals(kustomization))
                        .filter(path -> !listed.contains(path)).toList();
            }
            assertThat(orphans).as("files beside %s that it does not list", kustomization).isEmpty();
        }
        assertThat(list(kustomization(OVERLAY).get("resources"))).as("the overlay builds on the base").contains("../../base");
    }

    @Test
    void everythingGoesIntoTheFupinNamespace() {
        assertThat(kustomization(BASE).get("namespace")).isEqualTo("fupin");
        assertThat(kustomization(OVERLAY).get("namespace")).isEqualTo("fupin");
        assertThat(inDirectory(BASE, "Namespace").stream().map(DeploymentManifestsTest::name).toList()).containsExactly("fupin");
    }

    // --- The manifests -----------------------------------------------------------------------------------------

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The documents of one kind in the files directly in a directory. */
    private static List<Map<String, Object>> inDirectory(Path directory, String kind) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map.Entry<Path, List<Map<String, Object>>> file : DOCUMENTS.entrySet()) {
            if (file.getKey().getParent().equals(directory)) {
                file.getValue().stream().filter(document -> kind.equals(document.get("kind"))).forEach(found::add);
            }
        }
        return found;
    }

    /** The documents of one kind in every file, patches included. */
    private static List<Map<String, Object>> everywhere(String kind) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (List<Map<String, Object>> documents : DOCUMENTS.values()) {
            documents.stream().filter(document -> kind.equals(document.get("kind"))).forEach(found::add);
        }
        return found;
    }

    private static Map<String, Object> one(Path directory, String kind, String name) {
        List<Map<String, Object>> named = inDirectory(directory, kind).stream().filter(document -> name.equals(name(document))).toList();
        assertThat(named).as("%s %s in %s", kind, name, ROOT.relativize(directory)).hasSize(1);
        return named.get(0);
    }

    private static Map<String, Object> kustomization(Path directory) {
        return DOCUMENTS.get(directory.resolve("kustomization.yaml")).get(0);
    }

    /** A literal of a configMapGenerator of a kustomization: "key=value" under literals. */
    private static String generatedSetting(Path directory, String configMap, String key) {
        for (Object generator : list(kustomization(directory).get("configMapGenerator"))) {
            if (configMap.equals(map(generator).get("name"))) {
                for (Object literal : list(map(generator).get("literals"))) {
                    String text = text(literal);
                    if (text.startsWith(key + "=")) {
                        return text.substring(key.length() + 1);
                    }
                }
            }
        }
        return null;
    }

    private static Map<String, Object> deployment(String application) {
        return one(BASE, "Deployment", application);
    }

    private static List<Map<String, Object>> containers(Map<String, Object> document) {
        Map<String, Object> pod = at(document, "spec", "template", "spec");
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            for (Object container : list(pod.get(field))) {
                containers.add(map(container));
            }
        }
        return containers;
    }

    private static Map<String, Object> container(String application) {
        List<Object> containers = list(at(deployment(application), "spec", "template", "spec").get("containers"));
        assertThat(containers).as("containers of %s", application).hasSize(1);
        return map(containers.get(0));
    }

    private static Map<String, Object> podLabels(String application) {
        return at(deployment(application), "spec", "template", "metadata", "labels");
    }

    /** The container ports of a process by name. */
    private static Map<String, Integer> containerPorts(String application) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object port : list(container(application).get("ports"))) {
            ports.put(text(map(port).get("name")), (Integer) map(port).get("containerPort"));
        }
        return ports;
    }

    /** A port given by name or number (a targetPort, a probe's port) as the container's port number. */
    private static Integer containerPort(String application, Object port) {
        Map<String, Integer> ports = containerPorts(application);
        if (port instanceof Integer number) {
            assertThat(ports.values()).as("container ports of %s", application).contains(number);
            return number;
        }
        assertThat(ports).as("container ports of %s", application).containsKey(text(port));
        return ports.get(text(port));
    }

    /** The environment of a Deployment's container, each variable by name. */
    private static Map<String, Map<String, Object>> environment(Map<String, Object> deployment) {
        Map<String, Map<String, Object>> environment = new LinkedHashMap<>();
        for (Map<String, Object> container : containers(deployment)) {
            for (Object variable : list(container.get("env"))) {
                environment.put(text(map(variable).get("name")), map(variable));
            }
        }
        return environment;
    }

    /** The variables given as values, not taken from a Secret or a ConfigMap. */
    private static Map<String, String> literalEnvironment(Map<String, Object> deployment) {
        Map<String, String> literals = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> variable : environment(deployment).entrySet()) {
            if (variable.getValue().containsKey("value")) {
                literals.put(variable.getKey(), text(variable.getValue().get("value")));
            }
        }
        return literals;
    }

    /** The volume mounted at a path in the container. */
    private static Map<String, Object> volumeMountedAt(Map<String, Object> pod, Map<String, Object> container, String path) {
        String volume = null;
        for (Object mount : list(container.get("volumeMounts"))) {
            if (path.equals(map(mount).get("mountPath"))) {
                volume = text(map(mount).get("name"));
            }
        }
        assertThat(volume).as("a volume mounted at %s in %s", path, container.get("name")).isNotNull();
        for (Object candidate : list(pod.get("volumes"))) {
            if (volume.equals(map(candidate).get("name"))) {
                return map(candidate);
            }
        }
        throw new AssertionError("no volume " + volume + " in the pod of " + container.get("name"));
    }

    private static void assertProbe(String application, Map<String, Object> probe, String path) {
        Map<String, Object> request = map(probe.get("httpGet"));
        assertThat(request.get("path")).as("path of a probe of %s", application).isEqualTo(path);
        assertThat(containerPort(application, request.get("port"))).as("port of the %s probe of %s", path, application)
                .isEqualTo(containerPorts(application).get("management"));
    }

    /** The Deployment and the container port an http://service:port URL reaches: "household-service/http". */
    private static String leadsTo(String url) {
        Matcher address = Pattern.compile("http://([a-z0-9-]+):(\\d+)/?").matcher(String.valueOf(url));
        assertThat(address.matches()).as("an http URL of a Service: %s", url).isTrue();
        Map<String, Object> service = one(BASE, "Service", address.group(1));
        Integer port = Integer.valueOf(address.group(2));
        for (Object entry : list(at(service, "spec").get("ports"))) {
            if (!port.equals(map(entry).get("port"))) {
                continue;
            }
            for (String application : APPLICATIONS) {
                if (matches(map(at(service, "spec").get("selector")), podLabels(application))) {
                    Integer target = containerPort(application, map(entry).get("targetPort"));
                    for (Map.Entry<String, Integer> named : containerPorts(application).entrySet()) {
                        if (named.getValue().equals(target)) {
                            return application + "/" + named.getKey();
                        }
                    }
                }
            }
        }
        return "nowhere (" + url + ")";
    }

    // --- Labels and NetworkPolicies ----------------------------------------------------------------------------

    /** Whether every label required is on the pod (a Service's selector, a selector's matchLabels). */
    private static boolean matches(Map<String, Object> required, Map<String, Object> labels) {
        for (Map.Entry<String, Object> label : required.entrySet()) {
            if (!String.valueOf(label.getValue()).equals(text(labels.get(label.getKey())))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a label selector (matchLabels and matchExpressions) selects pods with these labels; an empty one selects all. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        if (!matches(map(selector.get("matchLabels")), labels)) {
            return false;
        }
        for (Object item : list(selector.get("matchExpressions"))) {
            Map<String, Object> expression = map(item);
            String key = text(expression.get("key"));
            List<Object> values = list(expression.get("values"));
            boolean present = labels.containsKey(key);
            Object value = labels.get(key);
            boolean selected = switch (String.valueOf(expression.get("operator"))) {
                case "In" -> present && values.contains(value);
                case "NotIn" -> !present || !values.contains(value);
                case "Exists" -> present;
                case "DoesNotExist" -> !present;
                default -> false;
            };
            if (!selected) {
                return false;
            }
        }
        return true;
    }

    /** Whether a selector says anything about a label. */
    private static boolean mentions(Map<String, Object> selector, String key) {
        return map(selector.get("matchLabels")).containsKey(key)
                || list(selector.get("matchExpressions")).stream().anyMatch(expression -> key.equals(map(expression).get("key")));
    }

    private static List<Map<String, Object>> policiesSelecting(String application) {
        List<Map<String, Object>> policies = new ArrayList<>();
        for (Map<String, Object> policy : everywhere("NetworkPolicy")) {
            if (selects(map(at(policy, "spec").get("podSelector")), podLabels(application))) {
                policies.add(policy);
            }
        }
        return policies;
    }

    /** Whether a rule's ports include a container port, by name or number (no ports: every port). */
    private static boolean covers(Map<String, Object> rule, String portName, int port) {
        List<Object> ports = list(rule.get("ports"));
        if (ports.isEmpty()) {
            return true;
        }
        for (Object item : ports) {
            Map<String, Object> entry = map(item);
            if (!"TCP".equals(text(entry.getOrDefault("protocol", "TCP")))) {
                continue;
            }
            Object value = entry.get("port");
            if (value == null) {
                return true;
            }
            if (value instanceof Integer first) {
                int last = entry.get("endPort") instanceof Integer end ? end : first;
                if (port >= first && port <= last) {
                    return true;
                }
            } else if (text(value).equals(portName)) {
                return true;
            }
        }
        return false;
    }

    /** A rule that opens the DNS port and nothing else. */
    private static boolean onlyDns(Map<String, Object> rule) {
        List<Object> ports = list(rule.get("ports"));
        return !ports.isEmpty() && ports.stream().allMatch(entry -> Integer.valueOf(53).equals(map(entry).get("port")));
    }

    /** Who the ingress rules of the policies selecting a process admit to one of its ports. */
    private static Set<String> admitted(String application, String portName, int port) {
        Set<String> callers = new TreeSet<>();
        for (Map<String, Object> policy : policiesSelecting(application)) {
            for (Object rule : list(at(policy, "spec").get("ingress"))) {
                if (covers(map(rule), portName, port)) {
                    callers.addAll(callers(list(map(rule).get("from"))));
                }
            }
        }
        return callers;
    }

    /** The callers a rule's peers stand for: processes by name, Prometheus, or anywhere. */
    private static Set<String> callers(List<Object> peers) {
        Set<String> callers = new TreeSet<>();
        if (peers.isEmpty()) {
            callers.add(ANYWHERE);
        }
        for (Object item : peers) {
            Map<String, Object> peer = map(item);
            if (peer.containsKey("ipBlock")) {
                callers.add(ANYWHERE);
            } else if (peer.containsKey("namespaceSelector")) {
                Object namespace = map(at(peer, "namespaceSelector").get("matchLabels")).get("kubernetes.io/metadata.name");
                callers.add("monitoring".equals(namespace) ? PROMETHEUS : ANYWHERE);
            } else {
                Map<String, Object> selector = map(peer.get("podSelector"));
                int before = callers.size();
                APPLICATIONS.stream().filter(application -> selects(selector, podLabels(application))).forEach(callers::add);
                if (callers.size() == before) {
                    callers.add("the pods " + selector);
                }
            }
        }
        return callers;
    }

    private static Set<String> expectedCallers(String application, String portName) {
        if (application.equals("gateway")) {
            return Set.of(portName.equals("http") ? ANYWHERE : PROMETHEUS);
        }
        if (portName.equals("management")) {
            return Set.of("gateway", PROMETHEUS);
        }
        return application.equals("household-service") ? Set.of("gateway", "assistance-service") : Set.of("gateway");
    }

    /** Whether a policy selecting one process lets it reach a port of another's pods. */
    private static boolean egressAllows(String from, String to, String portName, int port) {
        for (Map<String, Object> policy : policiesSelecting(from)) {
            for (Object item : list(at(policy, "spec").get("egress"))) {
                Map<String, Object> rule = map(item);
                if (!covers(rule, portName, port)) {
                    continue;
                }
                for (Object peer : list(rule.get("to"))) {
                    if (!map(peer).containsKey("namespaceSelector") && map(peer).containsKey("podSelector")
                            && selects(map(map(peer).get("podSelector")), podLabels(to))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // --- What the rest of the repository says ------------------------------------------------------------------

    private static String cluster(String service) {
        return "fupin-" + service.substring(0, service.indexOf('-')) + "-db";
    }

    private static String kafkaTopicsSource() throws IOException {
        return Files.readString(ROOT.resolve("suite-launcher/src/main/java/org/fupin/suite/KafkaTopics.java"));
    }

    /** The topics ./suite up creates (suite-launcher's KafkaTopics.ALL) and their partitions. */
    private static Map<String, Integer> topicPartitions() throws IOException {
        Map<String, Integer> topics = new TreeMap<>();
        Matcher spec = Pattern.compile("new TopicSpec\\(\"([^\"]+)\",\\s*(\\d+)").matcher(kafkaTopicsSource());
        while (spec.find()) {
            topics.put(spec.group(1), Integer.valueOf(spec.group(2)));
        }
        return topics;
    }

    /** The topics KafkaTopics keeps forever (KEEP_FOREVER: retention.ms -1). */
    private static List<String> keptForever() throws IOException {
        List<String> topics = new ArrayList<>();
        Matcher spec = Pattern.compile("new TopicSpec\\(\"([^\"]+)\",\\s*\\d+,\\s*KEEP_FOREVER\\)").matcher(kafkaTopicsSource());
        while (spec.find()) {
            topics.add(spec.group(1));
        }
        return topics;
    }

    /** The topics an application's incoming channels read (mp.messaging.incoming.<channel>.topic). */
    private static Set<String> consumedTopics(String application) throws IOException {
        Properties properties = new Properties();
        try (InputStreamReader reader = new InputStreamReader(
                Files.newInputStream(ROOT.resolve(application).resolve("src/main/resources/application.properties")), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                topics.add(properties.getProperty(key));
            }
        }
        return topics;
    }

    // --- YAML as maps and lists --------------------------------------------------------------------------------

    private static String name(Map<String, Object> document) {
        return text(at(document, "metadata").get("name"));
    }

    /** The map at a path of keys; empty where any is missing. */
    private static Map<String, Object> at(Map<String, Object> root, String... path) {
        Map<String, Object> current = root == null ? Map.of() : root;
        for (String key : path) {
            current = map(current.get(key));
        }
        return current;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : List.of();
    }
}
