package org.fupin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fupin.events.assistance.GroupCreated;
import org.fupin.events.assistance.UnitRegistered;
import org.fupin.events.assistance.WarZoneDefined;
import org.fupin.events.household.RegionUpserted;
import org.junit.jupiter.api.Test;

/** Events carry no personal names, ID numbers, phone numbers, addresses or free text. */
class PrivacyTest {

    private static final List<String> FORBIDDEN =
            List.of("name", "idnumber", "phone", "note", "description", "address");

    // Names of regions and organisations, not of people.
    private static final Map<Class<?>, Set<String>> ALLOWED = Map.of(
            RegionUpserted.class, Set.of("name"),
            UnitRegistered.class, Set.of("name"),
            GroupCreated.class, Set.of("name"),
            WarZoneDefined.class, Set.of("name"));

    @Test
    void noEventDataHasAPersonalOrFreeTextField() {
        List<String> offending = new ArrayList<>();
        for (EventType type : EventType.values()) {
            collectOffending(type.dataClass(), offending);
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theCheckSeesNestedRecords() {
        record Person(String fullName) {
        }
        record Wrapper(List<Person> people) {
        }
        List<String> offending = new ArrayList<>();

        collectOffending(Wrapper.class, offending);

        assertThat(offending).containsExactly("Person.fullName");
    }

    private static void collectOffending(Class<?> recordClass, List<String> offending) {
        for (RecordComponent component : recordClass.getRecordComponents()) {
            String name = component.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean allowed = ALLOWED.getOrDefault(recordClass, Set.of()).contains(name);
            if (!allowed && FORBIDDEN.stream().anyMatch(lower::contains)) {
                offending.add(recordClass.getSimpleName() + "." + name);
            }
            nestedRecord(component.getGenericType()).ifPresent(nested -> collectOffending(nested, offending));
        }
    }

    private static Optional<Class<?>> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return Optional.of(c);
        }
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (argument instanceof Class<?> c && c.isRecord()) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }
}
