package org.fupin.household.registry.domain;

import java.util.Locale;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * How names are compared in search: in simplified script and lower case, so that 雲陽 finds 云阳
 * and "Maria" finds "maria". The conversion is OpenCC's dictionary, not a table of our own.
 */
public final class NameSearch {

    private NameSearch() {
    }

    public static String normalize(String text) {
        return ZhConverterUtil.toSimple(text.strip()).toLowerCase(Locale.ROOT);
    }
}
