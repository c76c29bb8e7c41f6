package org.fupin.household.registry.domain;

import java.util.Locale;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * How names are compared in search: in simplified script and lower case, so that 雲陽 finds 云阳
 * and "Maria" finds "maria". The conversion is OpenCC's dictionary, not a table of our own.
 */
public final class NameSearch {

    /**
     * Queries this long or longer match anywhere in a name (趙偉明 is found by 偉明); shorter ones match
     * the start of a name (王 finds every 王, 陈静 finds 陈静 and 陈静怡). Trigram indexes cannot serve a
     * substring of one or two characters, and among 500,000 households that would mean reading
     * every member; a surname-first prefix is what people type for a short name anyway.
     */
    public static final int SUBSTRING_MIN_LENGTH = 3;

    private NameSearch() {
    }

    public static String normalize(String text) {
        return ZhConverterUtil.toSimple(text.strip()).toLowerCase(Locale.ROOT);
    }
}
