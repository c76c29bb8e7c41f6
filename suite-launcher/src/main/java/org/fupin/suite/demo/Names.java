package org.fupin.suite.demo;

import java.util.Random;

/**
 * Chinese names in simplified or traditional script. The two alphabets below are aligned
 * character by character, so that a name drawn once can be written either way, as the registry
 * meets them (older paper records and some townships still write 陳 for 陈).
 */
final class Names {

    static final String SURNAMES_SIMPLIFIED = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林冉谭向邓彭熊汪程龚蒋";
    static final String SURNAMES_TRADITIONAL = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何羅高林冉譚向鄧彭熊汪程龔蔣";
    static final String MALE_SIMPLIFIED = "建国华明军强伟勇平志德福贵成发兴春云龙海文学林进";
    static final String MALE_TRADITIONAL = "建國華明軍強偉勇平志德福貴成發興春雲龍海文學林進";
    static final String FEMALE_SIMPLIFIED = "秀英兰芳丽娟敏静霞凤玉琴燕梅红艳萍华春云";
    static final String FEMALE_TRADITIONAL = "秀英蘭芳麗娟敏靜霞鳳玉琴燕梅紅豔萍華春雲";

    static {
        if (SURNAMES_SIMPLIFIED.length() != SURNAMES_TRADITIONAL.length()
                || MALE_SIMPLIFIED.length() != MALE_TRADITIONAL.length()
                || FEMALE_SIMPLIFIED.length() != FEMALE_TRADITIONAL.length()) {
            throw new ExceptionInInitializerError("the simplified and traditional alphabets are not aligned");
        }
    }

    private Names() {
    }

    static int surname(Random random) {
        return random.nextInt(SURNAMES_SIMPLIFIED.length());
    }

    /** A person's name with the given surname: one or two given characters, as most rural names have. */
    static String person(Random random, int surname, boolean male, boolean traditional) {
        String given = male ? (traditional ? MALE_TRADITIONAL : MALE_SIMPLIFIED) : (traditional ? FEMALE_TRADITIONAL : FEMALE_SIMPLIFIED);
        StringBuilder name = new StringBuilder();
        name.append((traditional ? SURNAMES_TRADITIONAL : SURNAMES_SIMPLIFIED).charAt(surname));
        int length = random.nextInt(10) < 7 ? 2 : 1;
        for (int i = 0; i < length; i++) {
            name.append(given.charAt(random.nextInt(given.length())));
        }
        return name.toString();
    }
}
