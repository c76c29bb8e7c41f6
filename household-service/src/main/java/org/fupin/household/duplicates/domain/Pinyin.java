package org.fupin.household.duplicates.domain;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Transliterator;

/**
 * How a name reads, as a comparison key: 张伟 and 章伟 are both {@code zhangwei}. The readings are ICU's (Unicode's
 * Han-Latin data, its surname readings for the first character: 单 as shan, 曾 as zeng), looked up character by
 * character and remembered, so that the register's 1.5 million names of a county cost hash lookups, not
 * transliterations (about 80 µs a name).
 */
public final class Pinyin {

    private static final Transliterator SURNAME = Transliterator.getInstance("Han-Latin/Names; Latin-ASCII; Lower");
    private static final Transliterator OTHER = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    private static final Map<Integer, String> SURNAMES = new ConcurrentHashMap<>();
    private static final Map<Integer, String> READINGS = new ConcurrentHashMap<>();

    private Pinyin() {
    }

    /** The name's reading in lower-case ASCII letters alone; a name in Latin letters is its letters. */
    public static String key(String name) {
        StringBuilder key = new StringBuilder(name.length() * 4);
        int[] characters = name.strip().codePoints().toArray();
        for (int i = 0; i < characters.length; i++) {
            int c = characters[i];
            if (c < 0x80) {
                if (Character.isLetter(c)) {
                    key.append(Character.toLowerCase((char) c));
                }
                continue;
            }
            key.append(i == 0 ? SURNAMES.computeIfAbsent(c, Pinyin::surname) : READINGS.computeIfAbsent(c, Pinyin::reading));
        }
        return key.toString();
    }

    private static String surname(int c) {
        return letters(transliterate(SURNAME, c));
    }

    private static String reading(int c) {
        return letters(transliterate(OTHER, c));
    }

    /** Transliterator instances are not safe for concurrent use; each reading is made once, so a lock costs nothing. */
    private static synchronized String transliterate(Transliterator transliterator, int c) {
        return transliterator.transliterate(new String(Character.toChars(c)));
    }

    private static String letters(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).chars().filter(ch -> ch >= 'a' && ch <= 'z').forEach(ch -> letters.append((char) ch));
        return letters.toString();
    }
}
