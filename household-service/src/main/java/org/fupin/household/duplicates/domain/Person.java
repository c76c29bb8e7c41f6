package org.fupin.household.duplicates.domain;

import java.time.LocalDate;

import org.fupin.household.registry.domain.NameSearch;

/** A person as the duplicate rules compare them: name, ID number, birth date, with their comparison keys. */
public record Person(String name, String idNumber, LocalDate birthDate, String nameKey, String pinyinKey) {

    public static Person of(String name, String idNumber, LocalDate birthDate) {
        String normalized = nameKeyOf(name);
        return new Person(name, idNumber, birthDate, normalized, Pinyin.key(normalized));
    }

    /** The name in simplified script, lower case, without spaces and the dot of minority names (阿依古丽·买买提). */
    public static String nameKeyOf(String name) {
        return NameSearch.normalize(name).replaceAll("[\\s·・.]", "");
    }

    /** The pinyin key a member row keeps for the duplicate check's lookup. */
    public static String pinyinOf(String name) {
        return Pinyin.key(nameKeyOf(name));
    }
}
